import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # GPU vector addition

    The import of cuDF below is optional: the notebook falls back to pandas.
    """)
    return


@app.cell
def _():
    mo.stop(not torch.cuda.is_available(), mo.md("No GPU").callout(kind="danger"))
    device = torch.device("cuda:0")
    return (device,)


@app.cell
def _():
    try:
        import cudf
        has_cudf = True
    except ImportError:
        import pandas as cudf
        has_cudf = False
    return cudf, has_cudf


@app.cell
def _():
    size = mo.ui.slider(1, 1024, value=256, label="Size")
    size
    return (size,)


@app.cell
def _(cudf, device, has_cudf, size):
    _a = torch.ones(size.value, device=device)
    _b = torch.ones(size.value, device=device)
    _frame = cudf.DataFrame({"sum": (_a + _b).tolist()}) if has_cudf else None
    (_a + _b).sum()
    return


if __name__ == "__main__":
    app.run()
