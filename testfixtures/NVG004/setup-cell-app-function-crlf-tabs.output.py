import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
	import torch
	from torch.utils.data import DataLoader

	BATCH_SIZE = 64


@app.function
def make_loader(dataset, batch_size: int = 32):
	"""Pinned loader for the GPU (batch_size=32 by default)."""
	return DataLoader(dataset, batch_size=batch_size, pin_memory=True)


@app.cell
async def _():
	for _images in make_loader(torch.zeros(256, 3, 32, 32), BATCH_SIZE):
		_images = _images.cuda(non_blocking=True)
	return


if __name__ == "__main__":
	app.run()
