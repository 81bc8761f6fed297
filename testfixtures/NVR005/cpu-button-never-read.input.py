# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch>=2.4"]
# ///
"""A train button is shown, but the training cell never looks at it."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    epochs = mo.ui.slider(1, 5, value=2, label="Epochs")
    train_button = mo.ui.run_button(label="🚀 Entraîner")
    mo.hstack([epochs, train_button])
    return (epochs,)


@app.cell
def _(epochs):
    _model = torch.nn.Linear(3, 1)
    _opt = torch.optim.SGD(_model.parameters(), lr=0.1)
    for _ in range(epochs.value):
        _opt.zero_grad()
        _model(torch.randn(8, 3)).pow(2).mean().backward()
        _opt.step()
    return


@app.cell
def _():
    _reset = mo.ui.run_button(label="Reset")
    _reset
    return


if __name__ == "__main__":
    app.run()
