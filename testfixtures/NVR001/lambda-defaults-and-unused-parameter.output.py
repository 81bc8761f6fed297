import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _():
    history = []
    SCALE = 1000


    def refresh_table():
        print(f"{len(history)} runs recorded")
    return SCALE, history, refresh_table


@app.cell
def _(mo):
    batch_size = mo.ui.slider(16, 128, step=16, value=32, label="Batch Size")
    warmup = mo.ui.number(0, 10)
    refresh_every = mo.ui.dropdown(["hourly", "daily"], value="daily", label="Refresh")
    mo.hstack([batch_size, warmup, refresh_every])
    return batch_size, refresh_every, warmup


@app.cell
def _(batch_size, history):
    # Runs whenever batch_size changes (replaces on_change=lambda v, factor=2: ...)
    history.append(batch_size.value * 2)
    return


@app.cell
def _(SCALE, warmup):
    # Runs whenever warmup changes (replaces on_change=lambda ...)
    print(warmup.value * SCALE, SCALE ** -1)
    return


@app.cell
def _(refresh_every, refresh_table):
    # Runs whenever refresh_every changes (replaces on_change=lambda _: ...)
    _ = refresh_every.value
    refresh_table()
    return


if __name__ == "__main__":
    app.run()
