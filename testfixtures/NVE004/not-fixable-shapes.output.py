import marimo

__generated_with = "0.9.14"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    return (mo,)


@app.cell
def __():
    import cupy as cp
    return (cp,)


@app.cell
def __(cp):
    _gpu = cp.arange(10)
    _host = cp.asnumpy(_gpu)
    return


@app.cell
def __():
    import cudf.pandas
    cudf.pandas.install()
    return


@app.cell
def __():
    import cuml, cugraph
    return cugraph, cuml


@app.cell
def __(mo):
    from cudf import DataFrame
    mo.md("cuDF DataFrame imported")
    return (DataFrame,)


@app.cell
def __(DataFrame, cugraph, cuml):
    _df = DataFrame({"a": [1, 2]})
    _g = cugraph.Graph()
    _k = cuml.KMeans(n_clusters=2)
    return


if __name__ == "__main__":
    app.run()
