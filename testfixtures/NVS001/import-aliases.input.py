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
def _(npr, t):
    order = npr.permutation(10)
    weights = t.randn(10, 4)[t.as_tensor(order)]
    return (weights,)


@app.cell
def _(mo, rnd):
    labels = ["cat", "dog", "bird"]
    pick = rnd.choice(labels)
    mo.md(f"Picked **{pick}**")
    return


@app.cell
def _(t, weights):
    t.nn.init.xavier_uniform_(weights)
    weights.std()
    return


if __name__ == "__main__":
    app.run()
