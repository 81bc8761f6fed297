import marimo

__generated_with = "0.9.14"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    import numpy as np
    import random
    import torch
    return mo, np, random, torch


@app.cell
def __(np, random, torch):
    """Set random seeds for reproducibility"""

    def set_seed(seed: int = 42):
        """Set all random seeds for reproducible results"""
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)

        # For deterministic behavior (may reduce performance)
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False

    # Set default seed
    set_seed(42)
    return (set_seed,)


@app.cell
def __(torch):
    """Non-idempotent: different result each run"""
    data = torch.arange(10)
    shuffled = data[torch.randperm(len(data))]
    return data, shuffled


@app.cell
def __(np, shuffled):
    bootstrap = np.random.choice(shuffled.numpy(), size=(100, 10))
    bootstrap.mean()
    return (bootstrap,)


if __name__ == "__main__":
    app.run()
