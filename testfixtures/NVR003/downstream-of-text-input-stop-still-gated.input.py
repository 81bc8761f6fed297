"""Higgs boson classification with a GPU random forest (RAPIDS cuML)."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import cudf
    import marimo as mo
    from cuml.ensemble import RandomForestClassifier


@app.cell
def _():
    csv_path = mo.ui.text(value="data/higgs_small.csv", label="Training data (CSV)")
    csv_path
    return (csv_path,)


@app.cell
def _(csv_path):
    # The text input has a default value: this stop only catches an emptied field.
    mo.stop(not csv_path.value, mo.md("Enter the path of a CSV file"))
    frame = cudf.read_csv(csv_path.value)
    features = frame.drop(columns=["label"]).astype("float32")
    labels = frame["label"].astype("int32")
    mo.md(f"{len(frame):,} events, {features.shape[1]} features")
    return features, labels


@app.cell
def _(features, labels):
    forest = RandomForestClassifier(n_estimators=200, max_depth=16, n_bins=128)
    forest.fit(features, labels)
    mo.md(f"Training accuracy: **{forest.score(features, labels):.3f}**")
    return


if __name__ == "__main__":
    app.run()
