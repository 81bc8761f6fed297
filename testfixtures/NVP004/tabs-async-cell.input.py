import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import asyncio

	import torch
	from torch.utils.data import DataLoader, TensorDataset

	return DataLoader, TensorDataset, asyncio, torch


@app.cell
async def _(DataLoader, TensorDataset, asyncio, torch):
	val_loader = DataLoader(TensorDataset(torch.randn(64, 8)), batch_size=16, pin_memory=True)
	encoder = torch.nn.Linear(8, 4).cuda()
	codes = []
	for i, (features,) in enumerate(val_loader):
		if i % 2 == 0:
			features = features.cuda()
		else:
			features = features.to(device="cuda")
		codes.append(encoder(features))
		await asyncio.sleep(0)
	torch.cat(codes).shape
	return


if __name__ == "__main__":
    app.run()
