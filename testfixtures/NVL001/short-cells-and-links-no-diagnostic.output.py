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


if __name__ == "__main__":
    app.run()
