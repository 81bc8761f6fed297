# /// script
# dependencies = ["marimo", "torch"]
# ///

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
    device = "cuda" if torch.cuda.is_available() else "cpu"
    return (device,)


@app.cell
def _(device, mo, torch):
    _grid = torch.arange(9, dtype=torch.float32, device=device).reshape(3, 3)
    mo.md(f"Σ = {_grid.sum().item():.0f} sur `{device}` 🧮")
    return


if __name__ == "__main__":
    app.run()
