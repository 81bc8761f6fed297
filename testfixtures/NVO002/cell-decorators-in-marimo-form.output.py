import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import numpy as np
    return mo, np


@app.cell
def _(np):
    _raw_values = np.linspace(0.0, 1.0, 11)
    values = _raw_values * 2
    return (values,)


@app.cell
def _(values):
    _scaled_sum = values.sum()
    total = float(_scaled_sum)
    return (total,)


@app.cell
def _(total):
    _doubled_total = total * 2
    label = f"total: {_doubled_total}"
    return (label,)


@app.cell(disabled=True)
def _(label):
    _upper_label = label.upper()
    shout = _upper_label + "!"
    return (shout,)


@app.cell(column=1, hide_code=True)
def _(mo, shout):
    _heading_text = f"## {shout}"
    mo.md(_heading_text)
    return


@app.cell  
def _(mo, total):
    mo.md(f"Total: {total}")
    return


if __name__ == "__main__":
    app.run()
