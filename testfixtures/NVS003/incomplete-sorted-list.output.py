# /// script
# requires-python = ">=3.10"
# dependencies = [
#     "marimo>=0.25.2",
#     "numpy",
#     "sentence-transformers",
#     "torch>=2.4",
#     "umap-learn",
# ]
# ///
"""Embedding explorer: projects sentence embeddings to 2-D with UMAP."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import numpy as np
    import torch
    import umap
    from sentence_transformers import SentenceTransformer


@app.cell
def _():
    model = SentenceTransformer("all-MiniLM-L6-v2", device="cuda" if torch.cuda.is_available() else "cpu")
    return (model,)


@app.cell
def _(model):
    _embeddings = model.encode(["GPU", "CPU", "TPU"])
    projection = umap.UMAP(n_neighbors=2).fit_transform(np.asarray(_embeddings))
    return


if __name__ == "__main__":
    app.run()
