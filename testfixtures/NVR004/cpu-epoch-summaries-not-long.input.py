import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import numpy as np

    return mo, np


@app.cell
def _(np):
    # Loss histories of finished runs, as a training cell stored them
    runs = [{"epochs": 4, "history": np.linspace(2.0, 0.5, 5).tolist()} for _ in range(3)]
    return (runs,)


@app.cell
def _(np, runs):
    # Summaries over stored epochs: no training here
    means = []
    for _run in runs:
        for _epoch in range(_run["epochs"] + 1):
            means.append(float(np.mean(_run["history"][: _epoch + 1])))
    len(means)
    return


@app.cell
def _(np):
    def train_one_epoch(epoch):
        return float(np.exp(-epoch))

    losses = []
    for epoch in range(5):
        losses.append(train_one_epoch(epoch))
    losses
    return


if __name__ == "__main__":
    app.run()
