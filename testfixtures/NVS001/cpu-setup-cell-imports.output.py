# /// script
# requires-python = ">=3.11"
# dependencies = ["marimo", "numpy", "torch"]
# ///

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")

with app.setup:
    import marimo as mo
    import numpy as np
    import torch


@app.function
def make_batch(batch_size: int, features: int = 8) -> torch.Tensor:
    """A batch of standard-normal features."""
    return torch.randn(batch_size, features)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # Données aléatoires 🎲 — embeddings playground
    """)
    return


@app.cell
def _():
    seed = 0


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _():
    batch_size = mo.ui.slider(4, 64, value=16, label="Batch size")
    batch_size
    return (batch_size,)


@app.cell
def _(batch_size, seed, set_seed):
    set_seed(seed)
    batch = make_batch(batch_size.value)
    mo.md(f"Batch mean: `{batch.mean().item():+.3f}`")
    return


@app.cell
def _(seed):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(4, 8))
    return (centres,)


@app.cell
def _():
    # Already reproducible: seeds its own generator
    torch.manual_seed(0)
    probe = torch.rand(3)
    probe
    return


@app.cell
def _(centres, seed, set_seed):
    set_seed(seed)
    projection = torch.randperm(8)
    projected = torch.from_numpy(centres)[:, projection]
    projected.shape
    return


if __name__ == "__main__":
    app.run()
