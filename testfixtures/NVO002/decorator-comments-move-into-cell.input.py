import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell  # the threshold readers can change
# (kept: marimo itself would drop these comments)

def _():
    raw_threshold = 0.75
    threshold = round(raw_threshold, 1)
    return (threshold,)


@app.cell(hide_code=True)  # the summary shown to readers
def _(mo, threshold):
    summary_text = f"Threshold: **{threshold}**"
    mo.md(summary_text)
    return


@app.cell(disabled=True)  # untouched: stays as written
def _(threshold):
    threshold
    return


if __name__ == "__main__":
    app.run()
