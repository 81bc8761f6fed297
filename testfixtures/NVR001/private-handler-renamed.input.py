import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _(mo):
    _seen = []

    def _record(value):
        _seen.append(value)
        print(f"temperature changes so far: {len(_seen)}")

    temperature = mo.ui.slider(0.0, 2.0, step=0.1, value=0.7, label="Temperature", on_change=_record)
    top_p = mo.ui.slider(0.1, 1.0, step=0.05, value=0.9, label="Top-p", on_change=lambda p: _seen.append(("top_p", p)))
    mo.hstack([temperature, top_p])
    return


if __name__ == "__main__":
    app.run()
