import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## Why accumulate by hand?

    A weighted sum written out term by term, to show how the
    [PyTorch autograd docs](https://pytorch.org/docs/stable/autograd.html) track each step.
    """)
    return


@app.cell
def _(torch):
    _x = torch.ones(3)
    _x.sum()
    return


@app.cell
def _(torch):
    _y = torch.ones(3)
    _y.sum()
    return


@app.cell
def _(mo, torch):
    _weights = torch.arange(32, dtype=torch.float32)
    _acc = torch.zeros(())
    _acc = _acc + _weights[0] * 0
    _acc = _acc + _weights[1] * 1
    _acc = _acc + _weights[2] * 2
    _acc = _acc + _weights[3] * 3
    _acc = _acc + _weights[4] * 4
    _acc = _acc + _weights[5] * 5
    _acc = _acc + _weights[6] * 6
    _acc = _acc + _weights[7] * 7
    _acc = _acc + _weights[8] * 8
    _acc = _acc + _weights[9] * 9
    _acc = _acc + _weights[10] * 10
    _acc = _acc + _weights[11] * 11
    _acc = _acc + _weights[12] * 12
    _acc = _acc + _weights[13] * 13
    _acc = _acc + _weights[14] * 14
    _acc = _acc + _weights[15] * 15
    _acc = _acc + _weights[16] * 16
    _acc = _acc + _weights[17] * 17
    _acc = _acc + _weights[18] * 18
    _acc = _acc + _weights[19] * 19
    _acc = _acc + _weights[20] * 20
    _acc = _acc + _weights[21] * 21
    _acc = _acc + _weights[22] * 22
    _acc = _acc + _weights[23] * 23
    _acc = _acc + _weights[24] * 24
    _acc = _acc + _weights[25] * 25
    _acc = _acc + _weights[26] * 26
    _acc = _acc + _weights[27] * 27
    _acc = _acc + _weights[28] * 28
    _acc = _acc + _weights[29] * 29
    mo.md(f"Weighted sum: **{_acc.item():.0f}** (see the cell above for why)")
    return


if __name__ == "__main__":
    app.run()
