import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup(hide_code=True):
    import marimo as mo
    import numpy as np
    import torch

    SEED = 1234


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Monte-Carlo dropout
    """)
    return


@app.cell
def _():
    torch.manual_seed(SEED)
    head = torch.nn.Linear(8, 2)
    return (head,)


@app.cell
def _(head):
    _x = torch.ones(16, 8)
    samples = torch.stack([torch.nn.functional.dropout(head(_x), 0.2) for _ in range(10)])
    jitter = np.random.rand(16)
    samples.std(dim=0).mean() + jitter.mean()
    return


if __name__ == "__main__":
    app.run()
