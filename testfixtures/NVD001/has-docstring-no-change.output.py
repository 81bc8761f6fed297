"""embeddings_explorer.py

Sentence Embeddings Explorer
============================

Embed a handful of sentences with a small transformer on the GPU and compare them
with cosine similarity.

Features:
- Interactive sentence editor
- Cosine similarity heat map

Requirements:
- NVIDIA GPU with 2GB+ VRAM, compute capability 7.0+
- CUDA 12.1+
- PyTorch 2.4+, Transformers 4.45+

Tested configurations:
- Ubuntu 22.04 + T4 (16GB) + CUDA 12.2

Author: Data Science Team
Date: 2025-09-14
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(mo):
    sentences = mo.ui.text_area(value="GPUs are fast\nCPUs are flexible", label="Sentences")
    sentences
    return (sentences,)


@app.cell
def _(sentences, torch):
    _lines = [s for s in sentences.value.splitlines() if s.strip()]
    _vectors = torch.nn.functional.normalize(torch.randn(len(_lines), 8), dim=1)
    (_vectors @ _vectors.T).tolist()
    return


if __name__ == "__main__":
    app.run()
