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
    device = "cuda" if torch.cuda.is_available() else "cpu"
    return (device,)


@app.cell
def _(mo):
    refresh = mo.ui.refresh(default_interval="5s")
    refresh
    return (refresh,)


@app.cell
def _(mo, refresh, torch):
    refresh
    # Allocated memory is 0 without a GPU
    mo.md(f"Allocated: {torch.cuda.memory_allocated() / 1e9:.2f} GB")
    return


@app.cell
def _(device, torch):
    _x = torch.ones(2, 2, device=device)
    print(_x.sum().item())
    return


if __name__ == "__main__":
    app.run()
