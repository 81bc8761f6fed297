import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np

    return mo, np


@app.cell
def _(np):
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        np.random.seed(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(np, seed, set_seed):
    ########################################################################
    # ## Training data ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## #
    ########################################################################
    set_seed(seed)
    samples = np.random.normal(size=(100, 2))  # ## noisy ## ## ## ## ## ## ## ## ## ## ##
    labels = (
        (samples[:, 0] > 0)
        .astype(int)
    )
    ########################################################################
    return labels, samples


@app.cell
def _(labels, mo, samples):
    mo.md(f"{len(samples)} samples, {labels.sum()} positive")
    return


if __name__ == "__main__":
    app.run()
