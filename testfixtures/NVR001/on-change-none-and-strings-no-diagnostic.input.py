import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import ipywidgets as widgets
    return mo, widgets


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## Don't use callbacks

    Writing `mo.ui.slider(0, 10, on_change=handler)` breaks marimo's reactive paradigm.
    Read `slider.value` in another cell instead.
    """)
    return


@app.cell
def _(mo):
    threshold = mo.ui.slider(0.0, 1.0, step=0.05, value=0.5, label="Threshold", on_change=None)
    threshold
    return (threshold,)


@app.cell
def _(widgets):
    # Not a marimo element: ipywidgets has its own callback API.
    legacy = widgets.IntSlider(value=3)
    legacy.observe(lambda change: print(change["new"]), names="value")
    legacy_config = dict(on_change=print)
    return


@app.cell
def _(threshold):
    print(f"threshold = {threshold.value}")
    return


if __name__ == "__main__":
    app.run()
