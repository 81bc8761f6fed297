import marimo

__generated_with = "0.9.14"
app = marimo.App()


@app.cell
def __():
	import marimo as mo
	return (mo,)


@app.cell
def __(mo):
	mo.hstack([mo.vstack([mo.ui.checkbox(label="Mode rapide"), mo.md("Vitesse")]), mo.md("→")])
	return


@app.cell
def __(mo):
	checkpoints = [mo.ui.checkbox(label=name) for name in ("best", "last")]
	mo.vstack([mo.ui.switch(label=f"Use {n}") for n in ("a", "b")])
	return (checkpoints,)


@app.cell
def __(mo):
	wide = True
	mo.hstack([mo.ui.slider(1, 3)] if wide else [mo.md("narrow")])
	mo.md(f"Pick a value: {mo.ui.slider(1, 10)}")
	return


@app.cell
def __(mo):
	_prompt = mo.ui.text(value="a red fox", label="Prompt")
	_length = len(_prompt.value)
	_prompt
	return


@app.cell
async def __(mo):
	import asyncio

	await asyncio.sleep(0)
	mo.sidebar([mo.ui.radio(["GPU", "CPU"], value="GPU", label="Device")])
	return


if __name__ == "__main__":
	app.run()
