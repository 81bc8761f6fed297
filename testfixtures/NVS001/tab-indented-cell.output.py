import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import marimo as mo
	import numpy as np
	import torch
	return np, torch


@app.cell
def _(np, torch):
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(np, seed, set_seed, torch):
    """Sample a noisy batch (tab-indented cell)."""
    set_seed(seed)
    if torch.cuda.is_available():
    	batch = torch.randn(8, 3, device="cuda")
    else:
    	batch = torch.from_numpy(np.random.standard_normal((8, 3)))
    return (batch,)


@app.cell
def _(batch):
	batch.std()
	return


if __name__ == "__main__":
	app.run()
