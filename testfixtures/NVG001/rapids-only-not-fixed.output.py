import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import cudf
    import marimo as mo

    return cudf, mo


@app.cell
def _(cudf, mo):
    sales = cudf.DataFrame({"store": [1, 1, 2], "amount": [10.0, 12.5, 7.0]})
    mo.ui.table(sales.groupby("store").sum().to_pandas())
    return


if __name__ == "__main__":
    app.run()
