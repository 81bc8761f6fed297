import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
def __():
	import marimo as mo
	import asyncio
	return asyncio, mo


@app.cell
async def __(asyncio, threshold):
	await asyncio.sleep(0)
	readings = [0.2, 0.9, 0.4]
	alerts = [r for r in readings if r > threshold.value]
	return alerts, readings


@app.cell
def __(mo):
	import numpy as np
	threshold = mo.ui.number(0.0, 1.0, value=0.5, label="Seuil d'alerte")
	threshold
	return np, threshold


if __name__ == "__main__":
    app.run()
