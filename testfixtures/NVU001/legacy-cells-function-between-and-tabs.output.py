import marimo

__generated_with = "0.8.22"
app = marimo.App()

with app.setup:
    import asyncio

    import marimo as ui_lib


@app.cell
def __():
    model_name = ui_lib.ui.dropdown(["gpt2", "distilgpt2"], value="gpt2")
    model_name
    return (model_name,)


@app.function
def describe(name: str) -> str:
    """One line about the chosen model."""
    return f"Model: {name}"


@app.cell
async def __():
    await asyncio.sleep(0)
    seed = ui_lib.ui.number(0, 2**31 - 1, value=42, label="Seed")
    seed
    return (seed,)


@app.cell
def _():
	generate_button = ui_lib.ui.run_button(label="Generate")
	generate_button
	return (generate_button,)


@app.cell
def __(generate_button, model_name, seed):
    ui_lib.md(describe(model_name.value) + f" seed={seed.value} clicked={generate_button.value}")
    return


if __name__ == "__main__":
    app.run()
