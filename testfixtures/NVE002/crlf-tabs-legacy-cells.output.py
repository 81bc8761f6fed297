import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def __():
	import marimo as mo
	return (mo,)


@app.cell
def __(mo):
	batch = mo.ui.number(1, 512, value=64, label="Taille du lot")
	batch
	return (batch,)


@app.cell
def __(batch, mo):
	try:
		mo.stop(batch.value > 256, mo.md("Lot trop grand pour la mémoire GPU"))
		steps = 1000 // batch.value
	except:
		steps = 1
	return (steps,)


if __name__ == "__main__":
	app.run()
