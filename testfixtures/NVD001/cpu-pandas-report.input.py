import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")

with app.setup:
    import marimo as mo
    import pandas as pd
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
    _sales = pd.DataFrame({"region": ["north", "south", "north"], "amount": [120.0, 80.5, 99.5]})
    _selected = _sales[_sales["region"] == region.value]
    print(statistics.mean(_selected["amount"]))
    return


if __name__ == "__main__":
    app.run()
