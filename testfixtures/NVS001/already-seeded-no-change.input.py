import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import random

    import marimo as mo
    import numpy as np
    import torch


@app.function
def set_seed(seed: int = 42) -> None:
    """Seed every random number generator the notebook uses."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@app.function
def noisy(values: torch.Tensor, scale: float) -> torch.Tensor:
    return values + scale * torch.randn_like(values)


@app.cell
def _():
    """Reproducibility: one documented seed for Python, NumPy and PyTorch."""
    seed = 42
    set_seed(seed)
    mo.md(f"🎲 **Random seed**: `{seed}`")
    return (seed,)


@app.cell
def _(seed):
    """Idempotent: same seed, same noise."""
    set_seed(seed)
    signal = noisy(torch.linspace(0, 1, 8), 0.1)
    return (signal,)


@app.cell
def _(seed):
    rng = np.random.default_rng(seed)
    sample = rng.choice(100, size=5, replace=False)
    return


@app.cell
def _():
    torch.manual_seed(1234)
    layer = torch.nn.Linear(8, 2)
    return


@app.cell
def _(seed, signal):
    _generator = torch.Generator().manual_seed(seed)
    _perm = torch.randperm(8, generator=_generator)
    signal[_perm]
    return


@app.cell
def _():
    random.seed(7)
    np.random.seed(7)
    random.shuffle(_deck := list(range(10)))
    np.random.permutation(_deck)
    return


if __name__ == "__main__":
    app.run()
