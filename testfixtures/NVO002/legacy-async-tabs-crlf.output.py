import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
def __():
	import asyncio
	return asyncio,


@app.cell
async def _(asyncio):
    _résultats = []
    for _essai in range(2):
    	await asyncio.sleep(0)
    	_résultats.append(_essai * 2)
    _résultats
    return


if __name__ == "__main__":
    app.run()
