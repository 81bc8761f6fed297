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
def _(np, random, torch):
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
    seed = 42
    set_seed(seed)
    return seed, set_seed


@app.cell
def _(seed, set_seed, torch):
    """Non-idempotent: different result each run"""
    set_seed(seed)
    data = torch.arange(10)
    shuffled = data[torch.randperm(len(data))]
    return (shuffled,)


@app.cell
def _(np, seed, set_seed, shuffled):
    set_seed(seed)
    bootstrap = np.random.choice(shuffled.numpy(), size=(100, 10))
    bootstrap.mean()
    return


if __name__ == "__main__":
    app.run()
