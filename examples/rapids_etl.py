"""NYC taxi ETL with RAPIDS.

Loads a month of yellow-cab trips with cuDF, cleans and aggregates them on the GPU,
then clusters pickup locations with cuML KMeans.
"""

import marimo

__generated_with = "0.12.8"
app = marimo.App(width="medium")


@app.cell
def _():
    import time

    import cudf
    import cuml
    import marimo as mo
    import plotly.express as px

    return cudf, cuml, mo, px, time


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # 🚕 NYC Taxi ETL on the GPU

    [cuDF](https://docs.rapids.ai/api/cudf/stable/) gives a pandas-like API that runs on
    the GPU; [cuML](https://docs.rapids.ai/api/cuml/stable/) does the same for scikit-learn.
    The data is the January 2023 yellow-cab parquet file (~3 M rows — 47 MB).
    """)
    return


@app.cell
def _(cudf, time):
    start = time.time()
    trips = cudf.read_parquet("data/yellow_tripdata_2023-01.parquet")
    load_seconds = time.time() - start
    trips.shape
    return load_seconds, trips


@app.cell
def _(load_seconds, mo):
    mo.md(f"Loaded in **{load_seconds:.2f} s**").callout(kind="info")
    return


@app.cell
def _(mo, trips):
    clean = trips[(trips.trip_distance > 0) & (trips.fare_amount > 0)]
    clean = clean.dropna(subset=["PULocationID", "DOLocationID"])
    dropped = len(trips) - len(clean)
    mo.callout(
        mo.md(f"Dropped **{dropped:,}** rows with zero distance or fare"),
        kind="warning",
    )
    return (clean,)


@app.cell
def _(mo):
    get_min_fare, set_min_fare = mo.state(5.0)
    return get_min_fare, set_min_fare


@app.cell
def _(mo, set_min_fare):
    def handle_fare_change(new_value):
        # keep the filter threshold in sync with the slider
        set_min_fare(new_value)

    fare_slider = mo.ui.slider(
        0, 100, step=1, value=5, label="Minimum fare (USD)", on_change=handle_fare_change
    )
    fare_slider
    return


@app.cell
def _(clean, get_min_fare):
    by_hour = (
        clean[clean.fare_amount >= get_min_fare()]
        .assign(hour=lambda df: df.tpep_pickup_datetime.dt.hour)
        .groupby("hour")
        .agg({"fare_amount": "mean", "trip_distance": "mean", "tip_amount": "sum"})
        .reset_index()
        .sort_values("hour")
    )
    by_hour
    return (by_hour,)


@app.cell
def _(by_hour, px):
    px.line(
        by_hour.to_pandas(),
        x="hour",
        y="fare_amount",
        title="Mean fare by pickup hour",
    )
    return


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## Clustering pickup zones

    KMeans on (distance, fare, tip) per trip. On an A100 this takes a few seconds; on the
    CPU with scikit-learn it is closer to a minute.
    """)
    return


@app.cell
def _(clean, cuml, mo, time):
    features = clean[["trip_distance", "fare_amount", "tip_amount"]].astype("float32")
    kmeans = cuml.KMeans(n_clusters=8, max_iter=300)
    t0 = time.time()
    kmeans.fit(features)
    fit_seconds = time.time() - t0
    if fit_seconds > 30:
        mo.md("**Warning**: clustering took longer than expected").callout(kind="warning")
    return features, kmeans


@app.cell
def _(features, kmeans, px):
    sample = features.sample(20_000).to_pandas()
    sample["cluster"] = kmeans.predict(features).to_pandas().loc[sample.index].astype(str)
    px.scatter(sample, x="trip_distance", y="fare_amount", color="cluster", opacity=0.5)
    return


if __name__ == "__main__":
    app.run()
