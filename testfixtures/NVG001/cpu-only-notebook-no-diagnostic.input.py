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
    """Seed every generator: harmless without a GPU."""
    torch.manual_seed(0)
    torch.cuda.manual_seed_all(0)
    return


@app.cell
def _(mo, torch):
    # Mentions of "cuda" in comments and strings are not GPU use
    _x = torch.ones(3, 3)
    try:
        _y = _x @ _x
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _y = _x
    _label = "runs on cuda? no"
    del _x
    mo.md(f"{_label}: {_y.sum().item():.0f}")
    return


if __name__ == "__main__":
    app.run()
