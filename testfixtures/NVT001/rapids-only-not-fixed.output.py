import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    from cuml.cluster import KMeans

    return KMeans, mo


@app.cell
def _(KMeans):
    kmeans = KMeans(n_clusters=3)
    return (kmeans,)


if __name__ == "__main__":
    app.run()
