"""Array backend chosen at run time: CuPy on a GPU, NumPy elsewhere."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import numpy as np
    import torch


@app.cell
def _():
    if torch.cuda.is_available():
        try:
            import cupy as xp  # GPU arrays
            has_cupy = True
        except ImportError:
            import numpy as xp  # CPU fallback: NumPy has the same array API
            has_cupy = False
            mo.output.append(
                mo.callout(
                    mo.md("""
                    ℹ️ **CuPy not available**: using NumPy on the CPU instead.

                    For GPU acceleration, install CuPy:
                    `pip install cupy-cuda12x`
                    """),
                    kind="info",
                )
            )

        backend = "CuPy"
    else:
        xp = np
        backend = "NumPy"
    return backend, xp


@app.cell
def _(backend, xp):
    _a = xp.arange(12, dtype=xp.float32).reshape(3, 4)
    mo.md(f"Sum computed with **{backend}**: {float(_a.sum())}")
    return


if __name__ == "__main__":
    app.run()
