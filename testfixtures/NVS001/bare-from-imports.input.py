import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from numpy.random import permutation
    from random import shuffle
    from torch import randn

    return mo, permutation, randn, shuffle, torch


@app.cell
def _(shuffle):
    playlist = ["Ægir", "Björk", "Sigur Rós", "Múm"]
    shuffle(playlist)
    return (playlist,)


@app.cell
def _(permutation, randn, torch):
    features = randn(6, 2)
    order = torch.as_tensor(permutation(6))
    features[order]
    return


@app.cell
def _(mo, playlist):
    mo.md(" → ".join(playlist))
    return


if __name__ == "__main__":
    app.run()
