import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(torch):
    # Variance of the estimator across three seeds
    estimates = []
    for seed in (0, 1, 2):
        torch.manual_seed(seed)
        estimates.append(torch.rand(1000).mean().item())
    estimates
    return (seed,)


@app.cell
def _(mo, seed):
    mo.md(f"Last seed tried: {seed}")
    return


@app.cell
def _(torch):
    set_seed = torch.tensor([3, 1, 4, 1, 5])
    dropout_mask = torch.bernoulli(torch.full((5,), 0.5))
    masked = set_seed * dropout_mask
    return (masked,)


@app.cell
def _(masked):
    masked.sum()
    return


if __name__ == "__main__":
    app.run()
