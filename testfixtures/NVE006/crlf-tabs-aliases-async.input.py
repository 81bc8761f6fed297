import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")


@app.cell
def _():
	import marimo as ui_lib
	from marimo import callout
	return callout, ui_lib


@app.cell
def _(callout, ui_lib):
	messages = [
		callout(ui_lib.md("Téléchargement terminé"), kind="ok"),
		ui_lib.callout(ui_lib.md("Échec du chargement"), kind="failure"),
		ui_lib.md("Mémoire GPU presque pleine").callout(kind="caution"),
	]
	ui_lib.vstack(messages)
	return


@app.cell
async def _(ui_lib):
	import asyncio

	await asyncio.sleep(0)
	ui_lib.md("Async cell done").callout(kind="hint")
	return


if __name__ == "__main__":
	app.run()
