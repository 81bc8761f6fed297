import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
def __():
	import asyncio
	return asyncio,


@app.cell
async def __(asyncio):
	résultats = []
	for essai in range(2):
		await asyncio.sleep(0)
		résultats.append(essai * 2)
	résultats
	return essai, résultats


if __name__ == "__main__":
    app.run()
