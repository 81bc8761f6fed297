import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")

with app.setup:
    import marimo as mo
    import numpy as np
    import statistics


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # Weekly Sales Report

    A small report over a synthetic table.
    """)
    return


@app.cell
def _():
    region = mo.ui.radio(options=["north", "south"], value="north", label="Region")
    region
    return (region,)


@app.cell
def _(region):
    _amounts = {"north": np.array([120.0, 99.5]), "south": np.array([80.5])}
    print(statistics.mean(_amounts[region.value].tolist()))
    return


if __name__ == "__main__":
    app.run()
