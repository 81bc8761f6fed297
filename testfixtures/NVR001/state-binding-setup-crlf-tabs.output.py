import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
	import marimo as marimo_ui
	from marimo import state


@app.cell
def _():
	get_threshold, set_threshold = state(0.5)
	return get_threshold, set_threshold


@app.cell
def _(get_threshold, set_threshold):
	# The slider shows the state and writes it back: marimo's two-way binding.
	threshold = marimo_ui.ui.slider(0.0, 1.0, step=0.05, value=get_threshold(), on_change=set_threshold)
	threshold
	return (threshold,)


@app.cell
def _():
    async def log_choice(value):
    	print(f"präzision → {value}")

    precision = marimo_ui.ui.dropdown(["fp32", "bf16"], value="fp32")
    precision
    return log_choice, precision


@app.cell
async def _(log_choice, precision):
    # Runs whenever precision changes (replaces on_change=log_choice)
    await log_choice(precision.value)
    return


@app.cell
def _(get_threshold):
	marimo_ui.md(f"Schwelle: {get_threshold()}")
	return


if __name__ == "__main__":
	app.run()
