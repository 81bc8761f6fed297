import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import random as rnd

    return mo, rnd


@app.cell
def _():
    import torch as t
    from numpy import random as npr

    return npr, t


@app.cell
def _(npr, rnd, t):
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        rnd.seed(seed)
        npr.seed(seed)
        t.manual_seed(seed)
        t.cuda.manual_seed_all(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(npr, seed, set_seed, t):
    set_seed(seed)
    order = npr.permutation(10)
    weights = t.randn(10, 4)[t.as_tensor(order)]
    return (weights,)


@app.cell
def _(mo, rnd, seed, set_seed):
    set_seed(seed)
    labels = ["cat", "dog", "bird"]
    pick = rnd.choice(labels)
    mo.md(f"Picked **{pick}**")
    return


@app.cell
def _(seed, set_seed, t, weights):
    set_seed(seed)
    t.nn.init.xavier_uniform_(weights)
    weights.std()
    return


if __name__ == "__main__":
    app.run()
