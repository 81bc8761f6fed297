import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")


@app.cell
def _():
    import marimo as mo
    import torch
    from torch import nn
    return mo, nn, torch


@app.cell
def _(nn):
    class TunableModel(nn.Module):
        """A tiny model whose dropout rate can be changed live."""

        def __init__(self):
            super().__init__()
            self.dropout = nn.Dropout(0.1)
            self.linear = nn.Linear(8, 2)

        def update(self, rate: float) -> None:
            self.dropout.p = rate

        def forward(self, x):
            return self.linear(self.dropout(x))


    model = TunableModel()
    return (model,)


@app.cell
def _(mo, model):
    dropout_rate = mo.ui.slider(0.0, 0.5, step=0.05, value=0.1, on_change=model.update, label="Dropout")  # live update
    dropout_rate
    return


if __name__ == "__main__":
    app.run()
