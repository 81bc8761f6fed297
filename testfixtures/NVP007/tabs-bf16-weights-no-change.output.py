import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import torch

	return (torch,)


@app.cell
def _(torch):
	model = torch.nn.Linear(512, 512).cuda().to(torch.bfloat16)
	opt = torch.optim.AdamW(model.parameters())
	for _ in range(100):
		x = torch.randn(32, 512, device="cuda", dtype=torch.bfloat16)
		loss = model(x).float().pow(2).mean()
		opt.zero_grad()
		loss.backward()
		opt.step()
	return


if __name__ == "__main__":
    app.run()
