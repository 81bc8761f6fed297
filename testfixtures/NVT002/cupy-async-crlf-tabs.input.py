import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import cupy as cp
	import marimo as mo

	return (cp,)


@app.cell
async def _(cp):
	import asyncio

	await asyncio.sleep(0)
	# "time.perf_counter()" only mentioned in a string below
	note = "measure with time.perf_counter()"
	norms = cp.linalg.norm(cp.ones((512, 512)), axis=1)
	return


if __name__ == "__main__":
	app.run()
