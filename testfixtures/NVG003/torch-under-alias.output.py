import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import torch as t
    return (t,)


@app.cell
def _(t):
    weights = t.ones(256, 256, device="cuda")
    return (weights,)


@app.cell
def _(t, weights):
    del weights
    t.cuda.empty_cache()
    return


if __name__ == "__main__":
    app.run()

