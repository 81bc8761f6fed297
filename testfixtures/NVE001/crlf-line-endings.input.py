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
    # Mémoire : ~1 Go en float32
    grid = torch.rand(16384, 16384, device="cuda")
    grid.mean()
    return


if __name__ == "__main__":
    app.run()
