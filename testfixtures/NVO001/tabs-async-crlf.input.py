import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
async def _():
	import asyncio
	a1 = 1
	a2 = 2
	a3 = 3
	a4 = 4
	await asyncio.sleep(0)
	a5 = 5
	a6 = 6
	return


@app.cell
def _():
	b1, b2, b3 = 1, 2, 3
	for b4 in range(2):
		b5 = b4
	b6 = 6
	return


if __name__ == "__main__":
    app.run()
