import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import asyncio

    import marimo as mo

    RESULTS = []


@app.cell
def __():
    clicks = []
    return (clicks,)


@app.cell
def __(clicks):
    def on_click(value):
        clicks.append(value)
        return value


    button = mo.ui.button(on_click=on_click, label="Click")
    button
    return


@app.cell
async def _():
    await asyncio.sleep(0)
    RESULTS.extend([1, 2, 3])
    return


@app.cell
def _(clicks):
	_snapshot = list(clicks)
	clicks.clear()
	mo.md(f"{len(_snapshot)} clicks, {len(RESULTS)} results")
	return


if __name__ == "__main__":
    app.run()
