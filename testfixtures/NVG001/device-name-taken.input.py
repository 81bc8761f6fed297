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
    device = torch.device("cuda")
    return (device,)


@app.cell
def _(device, torch):
    weights = torch.ones(1024, 1024, device=device)
    scores = (weights @ weights.T).cuda(non_blocking=True)
    return (scores,)


@app.cell
def _(mo, scores):
    mo.md(f"max score: {scores.max().item():.1f}")
    return


if __name__ == "__main__":
    app.run()
