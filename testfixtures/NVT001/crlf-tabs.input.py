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
	latents = torch.zeros(1, 4, 64, 64, device="cuda")
	return (latents,)


if __name__ == "__main__":
	app.run()
