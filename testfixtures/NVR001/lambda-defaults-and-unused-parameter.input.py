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
def _(SCALE, history, mo, refresh_table):
    batch_size = mo.ui.slider(16, 128, step=16, value=32, on_change=lambda v, factor=2: history.append(v * factor), label="Batch Size")
    warmup = mo.ui.number(0, 10, on_change=lambda steps, unit=SCALE, sign=-1: print(steps * unit, unit ** sign))
    refresh_every = mo.ui.dropdown(["hourly", "daily"], value="daily", label="Refresh", on_change=lambda _: refresh_table())
    mo.hstack([batch_size, warmup, refresh_every])
    return


if __name__ == "__main__":
    app.run()
