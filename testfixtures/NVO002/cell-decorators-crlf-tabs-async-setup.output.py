import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
	import asyncio

	import marimo as mo
	import numpy as np


@app.function
def normalise(values):
	"""Scales values to the range 0..1."""
	return (values - values.min()) / (values.max() - values.min())


@app.cell(hide_code=True)
async def _():
    _raw_readings = np.linspace(0.0, 10.0, 21)
    await asyncio.sleep(0)
    readings = normalise(_raw_readings)
    return (readings,)


@app.cell
def _(readings):
    _peak_index = int(readings.argmax())
    peak = readings[_peak_index]
    return (peak,)


@app.cell(column=0, hide_code=True)
def _(peak):
    _caption_text = f"Pic mesuré : {peak:.2f} — ✓"
    mo.md(_caption_text)
    return


@app.cell(hide_code=False)  # an untouched cell keeps its decorator as written
def __(peak):
	peak
	return


if __name__ == "__main__":
	app.run()
