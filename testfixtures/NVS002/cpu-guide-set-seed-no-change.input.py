import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import random

    import marimo as mo
    import numpy as np
    import torch


@app.function
def set_seed(seed: int = 42) -> None:
    """Set all random seeds for reproducible results."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)

    # For deterministic behavior (may reduce performance)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


@app.cell
def _():
    seed = 42
    set_seed(seed)
    _device = "cuda" if torch.cuda.is_available() else "cpu"
    _sample = torch.randn(3, device=_device)
    mo.md(f"Seed **{seed}**: first draw `{_sample[0].item():+.3f}`")
    return


@app.cell
def _():
    # A generator seeded for the data loader is not a global seed
    _generator = torch.Generator().manual_seed(0)
    _order = torch.randperm(5, generator=_generator)
    _order
    return


if __name__ == "__main__":
    app.run()
