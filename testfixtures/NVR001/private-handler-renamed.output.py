import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _(mo):
    seen = []

    def record(value):
        seen.append(value)
        print(f"temperature changes so far: {len(seen)}")

    temperature = mo.ui.slider(0.0, 2.0, step=0.1, value=0.7, label="Temperature")
    top_p = mo.ui.slider(0.1, 1.0, step=0.05, value=0.9, label="Top-p")
    mo.hstack([temperature, top_p])
    return record, seen, temperature, top_p


@app.cell
def _(record, temperature):
    # Runs whenever temperature changes (replaces on_change=record)
    record(temperature.value)
    return


@app.cell
def _(seen, top_p):
    # Runs whenever top_p changes (replaces on_change=lambda p: ...)
    seen.append(("top_p", top_p.value))
    return


if __name__ == "__main__":
    app.run()
