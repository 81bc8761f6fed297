import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import numpy as np

    return mo, np


@app.cell
def _():
    seed = 42
    return (seed,)


@app.cell
def _(np, seed):
    rng = np.random.default_rng(seed)
    points = rng.uniform(-1.0, 1.0, size=(10_000, 2))
    return (points,)


@app.cell
def _(mo, np, points):
    inside = np.count_nonzero((points**2).sum(axis=1) <= 1.0)
    mo.md(f"π ≈ {4 * inside / len(points):.4f}")
    return


@app.cell
def _(np, seed):
    _jitter = np.random.default_rng(seed).normal(size=3)
    _jitter
    return


if __name__ == "__main__":
    app.run()
