# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch>=2.4"]
# ///
"""Sizes typed by hand go straight to the GPU."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader, TensorDataset


@app.cell
def _():
    batch_size = mo.ui.number(value=16, label="Batch size")
    n_samples = mo.ui.number(start=1, value=64, label="Échantillons")
    hidden = mo.ui.text(value="32", label="Hidden units")
    mo.vstack([batch_size, n_samples, hidden])
    return batch_size, hidden, n_samples


@app.cell
def _(batch_size, hidden, n_samples):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    _x = torch.randn(n_samples.value, 8)
    loader = DataLoader(TensorDataset(_x), batch_size=batch_size.value)
    model = torch.nn.Sequential(torch.nn.Linear(8, int(hidden.value)), torch.nn.ReLU()).to(device)
    return


if __name__ == "__main__":
    app.run()
