"""Linear regression with autograd — runs anywhere, no GPU needed."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo, torch):
    torch.manual_seed(0)
    w = torch.zeros(3, requires_grad=True)
    x = torch.randn(32, 3)
    y = x @ torch.tensor([1.0, -2.0, 0.5])
    optimizer = torch.optim.SGD([w], lr=0.1)
    for _ in range(200):
        loss = ((x @ w - y) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    mo.md(f"Learned weights: `{[round(v, 2) for v in w.tolist()]}`")
    return


if __name__ == "__main__":
    app.run()
