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
    # Poids sur le GPU
    poids = torch.ones(3).cuda()
    return (poids,)


if __name__ == "__main__":
    app.run()
