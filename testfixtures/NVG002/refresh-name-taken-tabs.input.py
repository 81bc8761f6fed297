import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import marimo as mo
	import torch

	return mo, torch


@app.cell
def _(mo):
	memory_refresh = mo.ui.button(label="Refresh memory")
	memory_refresh
	return (memory_refresh,)


@app.cell
def _(torch):
	if torch.cuda.device_count() > 1:
		model = torch.nn.DataParallel(torch.nn.Linear(8, 8)).cuda()
	else:
		model = torch.nn.Linear(8, 8).cuda()
	return (model,)


if __name__ == "__main__":
	app.run()
