import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _(batch_size, epochs):
    _data = torch.randn(batch_size.value, 8)
    for _ in range(epochs.value):
        _data = _data * 0.9
    _data.norm()
    return


@app.cell
def _():
    epochs = mo.ui.slider(1, 10, value=3, label="Epochs")
    batch_size = mo.ui.dropdown({"16": 16, "64": 64}, value="16", label="Batch size")
    mo.hstack([epochs, batch_size])
    return batch_size, epochs


@app.cell
def _(epochs):
    # `epochs` mentioned below its definition: fine
    mo.md(f"Training for {epochs.value} epochs")
    return


if __name__ == "__main__":
    app.run()
