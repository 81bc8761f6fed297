"""Imports that are already guarded, and one inside a function (reported, not rewritten)."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import contextlib
    import importlib.util

    import marimo as mo
    import numpy as np

    return contextlib, importlib, mo, np


@app.cell
def _(mo):
    try:
        import cupy as xp

        has_cupy = True
    except ImportError:
        import numpy as xp

        has_cupy = False
    mo.md(f"CuPy available: {has_cupy}")
    return


@app.cell
def _(importlib):
    if importlib.util.find_spec("cuml") is not None:
        import cuml
    else:
        cuml = None
    return


@app.cell
def _(contextlib):
    with contextlib.suppress(ImportError):
        import cugraph
    return


@app.cell
def _(np):
    def to_device(values):
        import cupy as cp

        return cp.asarray(values)

    _doc = "import cudf  # in a string: not an import"
    _host = np.ones(3)
    return


if __name__ == "__main__":
    app.run()
