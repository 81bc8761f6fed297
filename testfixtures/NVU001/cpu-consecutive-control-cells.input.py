import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## Réglages de l'entraînement ⚙️
    """)
    return


@app.cell
def _(mo):
    epochs = mo.ui.slider(1, 20, value=3, label="Epochs")
    epochs
    return (epochs,)


@app.cell
def _(mo):
    learning_rate = mo.ui.number(start=1e-4, stop=1e-1, step=1e-4, value=1e-2, label="Learning rate")
    learning_rate
    return (learning_rate,)


@app.cell
def _(mo):
    optimizer_name = mo.ui.dropdown(["SGD", "Adam"], value="Adam", label="Optimizer")
    optimizer_name
    return (optimizer_name,)


@app.cell
def _(epochs, learning_rate, mo, optimizer_name, torch):
    _model = torch.nn.Linear(2, 1)
    _optimizer = getattr(torch.optim, optimizer_name.value)(_model.parameters(), lr=learning_rate.value)
    for _ in range(epochs.value):
        _optimizer.zero_grad()
        _loss = _model(torch.ones(4, 2)).pow(2).mean()
        _loss.backward()
        _optimizer.step()
    mo.md(f"Final loss: **{_loss.item():.4f}**")
    return


if __name__ == "__main__":
    app.run()
