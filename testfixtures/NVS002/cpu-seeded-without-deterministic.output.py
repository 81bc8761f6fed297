import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import random

    import marimo as mo
    import numpy as np
    import torch
    return mo, np, random, torch


@app.cell
def _(np, random, torch):
    def set_seed(seed: int = 42) -> None:
        """Seed Python, NumPy and PyTorch (CPU and all GPUs)."""
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(42)
    return


@app.cell
def _(mo, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    _conv = torch.nn.Conv2d(1, 4, kernel_size=3).to(device)
    _out = _conv(torch.randn(2, 1, 8, 8, device=device))
    mo.md(f"Output mean: `{_out.mean().item():+.4f}` on **{device}**")
    return


if __name__ == "__main__":
    app.run()
