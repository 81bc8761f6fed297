"""Controls bound to private names: no other cell can read them."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo


@app.cell
def _():
    temperature = mo.ui.slider(0.0, 1.0, step=0.05, value=0.7, label="Temperature")
    temperature
    return


@app.cell
def _():
    lr = mo.ui.number(start=1e-5, stop=1e-1, step=1e-5, value=1e-3, label="Learning rate")
    refresh = mo.ui.refresh(default_interval="2s")
    mo.hstack([lr, refresh, mo.md(f"Current: {lr}")])
    return


@app.cell
def _():
    batch_multiplier = 2
    batch_multiplier_2 = mo.ui.slider(1, 4, value=batch_multiplier, label="Batch multiplier")
    batch_multiplier_2
    return


@app.cell
def _():
    _choice = mo.ui.dropdown(["a", "b"], value="a")
    _choice = mo.ui.dropdown(["c", "d"], value="c")
    _choice
    return


if __name__ == "__main__":
    app.run()
