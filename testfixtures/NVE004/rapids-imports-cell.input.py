# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "cudf-cu12", "cuml-cu12", "numpy"]
# ///
"""Clustering taxi pickups with RAPIDS: cuDF for the data, cuML for k-means."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import cudf
    import cuml
    from cuml.cluster import KMeans
    import marimo as mo
    import numpy as np

    return KMeans, cudf, cuml, mo, np


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # 🚕 Pickup clusters

    Les points de prise en charge sont regroupés en *k* zones.
    """)
    return


@app.cell
def _(cudf, np):
    rng = np.random.default_rng(0)
    pickups = cudf.DataFrame({"lat": rng.normal(40.7, 0.05, 1000), "lon": rng.normal(-74.0, 0.05, 1000)})
    return (pickups,)


@app.cell
def _(KMeans, cuml, pickups):
    model = KMeans(n_clusters=4, random_state=0).fit(pickups[["lat", "lon"]])
    score = cuml.metrics.silhouette_score(pickups[["lat", "lon"]], model.labels_)
    return (score,)


if __name__ == "__main__":
    app.run()
