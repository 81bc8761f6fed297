"""Weekly Sales Report

TODO: Describe in 2-3 sentences what this notebook does, on which data or model,
and what the user sees or learns.

Features:
- Interactive controls: Region (radio buttons)

Requirements:
- NumPy

Tested configurations:
- macOS 14 + Python 3.12

Author: TODO
Date: TODO (YYYY-MM-DD)
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import numpy as np


@app.cell
def _():
    region = mo.ui.radio(options=["north", "south"], value="north")
    region
    return (region,)


@app.cell
def _(region):
    print(region.value, np.mean([1.0, 2.0]))
    return


if __name__ == "__main__":
    app.run()
