import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _():
    # the threshold readers can change
    # (kept: marimo itself would drop these comments)
    _raw_threshold = 0.75
    threshold = round(_raw_threshold, 1)
    return (threshold,)


@app.cell(hide_code=True)
def _(mo, threshold):
    # the summary shown to readers
    _summary_text = f"Threshold: **{threshold}**"
    mo.md(_summary_text)
    return


@app.cell(disabled=True)  # untouched: stays as written
def _(threshold):
    threshold
    return


if __name__ == "__main__":
    app.run()
