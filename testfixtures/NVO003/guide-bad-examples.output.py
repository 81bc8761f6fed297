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
    mem = torch.cuda.get_device_properties(0).total_memory / 1e9 if torch.cuda.is_available() else 0.0
    losses = []
    path = "checkpoints/model.pth"
    return losses, mem, path


@app.cell
def _(losses, mem, mo, path):
    mo.md(f"{mem:.1f} GB, {len(losses)} losses, saving to {path}")
    return


if __name__ == "__main__":
    app.run()
