import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    weights = torch.randn(4, 4, device=device)
    return (weights,)


@app.cell
def _(mo):
    lr_slider = mo.ui.slider(
        start=1e-4,
        stop=1e-2,
        step=1e-4,
        value=1e-3,
        label="Taux d'apprentissage (η)",
    )
    lr_slider
    return (lr_slider,)


@app.cell
def _(lr_slider):
    # Runs whenever lr_slider changes (replaces on_change=lambda v: ...)
    print(f"lr={lr_slider.value}")
    return


@app.cell
def _(lr_slider, torch, weights):
    _update = torch.full_like(weights, lr_slider.value)
    print(f"Δ norm: {_update.norm().item():.5f}")
    return


if __name__ == "__main__":
    app.run()
