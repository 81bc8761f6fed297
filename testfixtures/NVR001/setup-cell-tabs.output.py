import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
	import marimo as mo
	import torch


@app.function
def show_precision(choice):
	print("précision →", choice)


@app.cell
def _():
    precision = mo.ui.radio(
    	options=["fp32", "fp16", "bf16"],
    	value="fp32",
    	label="Précision",
    )
    precision
    return (precision,)


@app.cell
def _(precision):
    # Runs whenever precision changes (replaces on_change=lambda choice: ...)
    show_precision(
        precision.value.upper()
    )
    return


if __name__ == "__main__":
	app.run()
