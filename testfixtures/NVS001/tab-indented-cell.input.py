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
	"""Sample a noisy batch (tab-indented cell)."""
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
