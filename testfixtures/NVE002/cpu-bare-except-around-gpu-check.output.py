"""Loads a tiny model; the GPU check sits in a try whose bare except swallows mo.stop."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo, torch):
    try:
        mo.stop(not torch.cuda.is_available(), mo.md("⚠️ No GPU: this cell needs CUDA").callout(kind="warn"))
        device = "cuda"
    except:
        device = "cpu"
    return (device,)


@app.cell
def _(device, mo, torch):
    model = torch.nn.Linear(4, 2).to(device)
    try:
        _x = torch.randn(3, 4, device=device)
        mo.stop(_x.shape[0] == 0, mo.md("Empty batch"))
        _y = model(_x)
    except BaseException as exc:
        print(f"Forward pass skipped: {exc}")
    return


if __name__ == "__main__":
    app.run()
