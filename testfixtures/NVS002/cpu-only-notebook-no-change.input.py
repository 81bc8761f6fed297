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
    _weights = torch.randn(4, 4)
    mo.md(f"Trace: {_weights.trace().item():.3f}")
    return


if __name__ == "__main__":
    app.run()
