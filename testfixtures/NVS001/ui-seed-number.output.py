import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import torch

    return mo, np, torch


@app.cell
def _(mo):
    seed = mo.ui.number(start=0, stop=10_000, value=42, label="Random seed")
    seed
    return (seed,)


@app.cell
def _(np, seed, torch):
    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(seed.value)
    return (set_seed,)


@app.cell
def _(np, seed, set_seed, torch):
    set_seed(seed.value)
    features = torch.randn(32, 4)
    labels = torch.from_numpy(np.random.randint(0, 2, size=32))
    return features, labels


@app.cell
def _(features, labels, np, seed, set_seed):
    """Hold out a random quarter of the rows."""
    set_seed(seed.value)
    rng = np.random.default_rng(seed.value)
    holdout = rng.choice(len(labels), size=8, replace=False)
    shuffled = features[np.random.permutation(len(features))]
    shuffled.shape, labels[holdout].float().mean()
    return


if __name__ == "__main__":
    app.run()
