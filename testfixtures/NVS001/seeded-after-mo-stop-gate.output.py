import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(torch):
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(mo):
    train_button = mo.ui.run_button(label="🚀 Train model")
    train_button
    return (train_button,)


@app.cell
def _(mo, seed, set_seed, torch, train_button):
    """Trains a tiny model once the button is clicked."""
    mo.stop(not train_button.value, mo.md("Click **Train model** to start training"))

    set_seed(seed)
    weights = torch.randn(16, 16)
    weights.sum()
    return


if __name__ == "__main__":
    app.run()
