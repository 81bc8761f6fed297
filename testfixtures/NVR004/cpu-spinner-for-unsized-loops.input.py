"""Streaming batches from a generator and a step budget: no length to show, so a spinner."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(torch):
    def stream_batches(n_batches):
        for _ in range(n_batches):
            yield torch.randn(4, 3)

    weights = torch.zeros(3, requires_grad=True)
    return stream_batches, weights


@app.cell
def _(mo, stream_batches, torch, weights):
    _opt = torch.optim.SGD([weights], lr=0.01)
    for batch in stream_batches(20):
        _opt.zero_grad()
        _loss = (batch @ weights - 1.0).pow(2).mean()
        _loss.backward()
        _opt.step()
        _report = mo.md(
            f"""
            Loss: {_loss.item():.4f}
            """
        )

    step, max_steps = 0, 50
    while step < max_steps:
        step += 1
    _report
    return


if __name__ == "__main__":
    app.run()
