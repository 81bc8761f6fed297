import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import cupy as cp
    import marimo as mo

    return cp, mo


@app.cell
def _(cp):
    _x = cp.arange(10**6, dtype=cp.float32)
    total = float(_x.sum())
    return (total,)


if __name__ == "__main__":
    app.run()
