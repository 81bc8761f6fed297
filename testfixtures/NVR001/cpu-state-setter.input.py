# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch"]
# ///
import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    get_epochs, set_epochs = mo.state(10)
    return get_epochs, set_epochs


@app.cell
def _(set_epochs):
    epochs_slider = mo.ui.slider(1, 100, value=10, label="Training Epochs", on_change=set_epochs)
    epochs_slider
    return


@app.cell
def _(get_epochs):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    _x = torch.ones(2, 2, device=device)
    print(f"will train for {get_epochs()} epochs on {device}: {_x.sum().item()}")
    return


if __name__ == "__main__":
    app.run()
