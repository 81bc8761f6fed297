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
    raw_values = np.linspace(0.0, 1.0, 11)
    values = raw_values * 2
    return (values,)


@app.cell

def _(values):
    scaled_sum = values.sum()
    total = float(scaled_sum)
    return (total,)


@app.cell()
def _(total):
    doubled_total = total * 2
    label = f"total: {doubled_total}"
    return (label,)


@app.cell(hide_code=False, disabled=True)
def _(label):
    upper_label = label.upper()
    shout = upper_label + "!"
    return (shout,)


@app.cell(hide_code=True, column=1)
def _(mo, shout):
    heading_text = f"## {shout}"
    mo.md(heading_text)
    return


@app.cell  
def _(mo, total):
    mo.md(f"Total: {total}")
    return


if __name__ == "__main__":
    app.run()
