import marimo

__generated_with = "0.9.14"
app = marimo.App()


@app.cell
def __():
	import torch
	return (torch,)


@app.cell
def __(torch):
	model = torch.nn.Linear(2, 1)
	for epoch in range(100):
		model.zero_grad()
	return (model,)


if __name__ == "__main__":
	app.run()
