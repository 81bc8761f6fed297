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
	model = torch.nn.Linear(1024, 1024).cuda()
	optimizer = torch.optim.Adam(model.parameters())
	for _ in range(10):
		loss = model(torch.randn(256, 1024, device="cuda")).pow(2).mean()
		loss.backward()
		optimizer.step()
		optimizer.zero_grad()
	loss.item()
	return


if __name__ == "__main__":
    app.run()
