import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## Learning rate

    The slider and the exponent box show the same learning rate: moving one moves the other
    (marimo's two-way binding through `mo.state`).
    """)
    return


@app.cell
def _(mo):
    get_lr, set_lr = mo.state(1e-3)
    (get_batch, set_batch) = mo.state(64)
    get_log, set_log = mo.state([])
    return get_batch, get_log, get_lr, set_batch, set_log, set_lr


@app.cell
def _(get_lr, mo, set_lr):
    lr_slider = mo.ui.slider(1e-5, 1e-1, step=1e-5, value=get_lr(), on_change=set_lr, label="η")
    lr_exponent = mo.ui.number(-5, -1, value=round(torch_log10(get_lr())), on_change=lambda e: set_lr(10.0**e))
    mo.hstack([lr_slider, lr_exponent])
    return lr_exponent, lr_slider


@app.function
def torch_log10(value):
    import math

    return math.log10(value)


@app.cell
def _(get_batch):
    default_batch = get_batch()
    return (default_batch,)


@app.cell
def _(set_batch, set_log):
    def remember_batch(size):
        set_log(lambda log: [*log, size])
        set_batch(size)

    return (remember_batch,)


@app.cell
def _(default_batch, mo, remember_batch):
    batch_size = mo.ui.dropdown(["32", "64", "128"], value=str(default_batch), on_change=remember_batch)
    batch_size
    return (batch_size,)


@app.cell
def _(mo, set_log):
    device_choice = mo.ui.radio(["cuda", "cpu"], value="cuda", on_change=lambda d: set_log(lambda log: [*log, d]))
    device_choice
    return (device_choice,)


@app.cell
def _(get_log, mo):
    mo.md(f"Changes so far: {get_log()}")
    return


if __name__ == "__main__":
    app.run()
