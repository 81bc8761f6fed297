import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def __():
	import marimo as mo
	import torch
	return mo, torch


@app.cell
def __(mo, torch):
	model = torch.nn.Linear(2, 1)
	for epoch in (1, 2, 3) if torch.cuda.is_available() else (1,):
		model.zero_grad()
		mo.md("""
	Époque terminée
	""")
	return (model,)


if __name__ == "__main__":
	app.run()
