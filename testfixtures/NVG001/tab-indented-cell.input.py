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
	features = torch.eye(3)
	if features.sum() > 0:
		features = features.cuda()
	return (features,)


if __name__ == "__main__":
	app.run()
