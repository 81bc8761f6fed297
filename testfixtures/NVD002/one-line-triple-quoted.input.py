"""Interactive histogram of GPU kernel timings."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np
    return mo, np


@app.cell
def _(mo):
    bins = mo.ui.slider(5, 50, value=20, label="Bins")
    bins
    return (bins,)


@app.cell
def _(bins, np):
    _timings_ms = np.random.default_rng(0).gamma(2.0, 0.5, 1000)
    np.histogram(_timings_ms, bins=bins.value)[0]
    return


if __name__ == "__main__":
    app.run()
