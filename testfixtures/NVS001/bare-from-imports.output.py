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
def _(torch):
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        import random
        import numpy as np

        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(seed, set_seed, shuffle):
    set_seed(seed)
    playlist = ["Ægir", "Björk", "Sigur Rós", "Múm"]
    shuffle(playlist)
    return (playlist,)


@app.cell
def _(permutation, randn, seed, set_seed, torch):
    set_seed(seed)
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
