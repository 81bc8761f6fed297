import marimo

__generated_with = "0.9.14"
app = marimo.App()

with app.setup:
	import marimo as mo


@app.cell
def __():
	resolution = mo.ui.number(None, None, value=512, label="Resolution (px)").form()
	num_images = mo.ui.number(1, None, value=4)
	mo.hstack([resolution, num_images])
	return num_images, resolution


@app.cell
async def __(num_images, resolution):
	import asyncio

	await asyncio.sleep(0)
	size = (resolution.value, resolution.value)
	prompts = ["un renard roux"] * num_images.value
	return prompts, size


@app.cell
def __():
	_width = mo.ui.number(value=640, label="Width")
	_width
	return


if __name__ == "__main__":
	app.run()
