import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
async def __():
	import asyncio

	async def récupérer(délai):
		"""Attend puis renvoie le délai."""
		await asyncio.sleep(délai)
		return délai

	await récupérer(0)
	return asyncio, récupérer


if __name__ == "__main__":
    app.run()
