import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

async with app.setup:
    import micropip

    await micropip.install("scikit-image")
    import marimo as mo
    import numpy as np

    def object_count(mask: np.ndarray) -> int:
        return int(mask.max())


@app.cell
def _():
    mask = np.eye(4, dtype=int)
    return (mask,)


@app.cell
def _(mask):
    count = object_count(mask)
    _scratch = np.zeros_like(mask)
    mo.md(f"Objects: **{count}** ({_scratch.size} pixels)")
    return (count,)


@app.cell
def _(count):
    count
    return


if __name__ == "__main__":
    app.run()
