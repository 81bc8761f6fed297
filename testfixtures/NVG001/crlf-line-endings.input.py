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
    # Données sur le GPU
    tensor = torch.full((2, 2), 0.5, device="cuda")
    return (tensor,)


if __name__ == "__main__":
    app.run()
