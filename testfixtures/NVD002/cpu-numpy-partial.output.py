"""numpy_stats.py

Descriptive statistics of a synthetic signal
============================================

Generates a noisy sine wave and reports its mean and spread.

Features:
- Interactive controls: Points (slider)
- TODO: the notebook's main capabilities, one per line

Requirements:
- NumPy 1.26+

Tested configurations:
- TODO: OS + Python version, e.g. Ubuntu 22.04 + Python 3.12

Author: Lin Chen
Date: TODO (YYYY-MM-DD)
"""

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
    points = mo.ui.slider(10, 1000, value=100, label="Points")
    points
    return (points,)


@app.cell
def _(np, points):
    _rng = np.random.default_rng(0)
    _signal = np.sin(np.linspace(0, 6.28, points.value)) + _rng.normal(0, 0.1, points.value)
    print(f"{_signal.mean():.3f} ± {_signal.std():.3f}")
    return


if __name__ == "__main__":
    app.run()
