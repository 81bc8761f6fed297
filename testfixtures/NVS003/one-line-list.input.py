# /// script
# requires-python = ">=3.11"
# dependencies = ["marimo"]
# ///

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import cupy as cp
    return cp, mo


@app.cell
def _(cp, mo):
    _x = cp.arange(10)
    mo.md(f"Sum on the GPU: {int(_x.sum())}")
    return


if __name__ == "__main__":
    app.run()
