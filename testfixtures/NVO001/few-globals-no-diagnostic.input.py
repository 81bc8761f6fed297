import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    # Imports are not counted: modules are not state.
    import marimo as mo
    import numpy as np
    import pandas as pd
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, TensorDataset
    return DataLoader, TensorDataset, mo, nn, np, pd, torch


@app.cell
def _(DataLoader, TensorDataset, np, torch):
    def make_loader(n: int) -> DataLoader:
        """Functions are not counted either: they are the guide's remedy."""
        x = torch.from_numpy(np.ones((n, 4), dtype=np.float32))
        return DataLoader(TensorDataset(x), batch_size=2)

    class Scaler:
        """Neither are classes."""

    loader = make_loader(8)
    return Scaler, loader


@app.cell
def _(mo):
    epochs = mo.ui.slider(1, 10, value=2, label="Epochs")
    epochs
    return (epochs,)


@app.cell
def _(Scaler, epochs, loader, nn):
    _model = nn.Linear(4, 1)
    for _epoch in range(epochs.value):
        for (_x,) in loader:
            _model(_x).sum().backward()
    trained = _model
    scaler = Scaler()
    return


@app.cell
def _(pd):
    summary = pd.DataFrame({"metric": ["loss"], "value": [0.1]})
    summary
    return


if __name__ == "__main__":
    app.run()
