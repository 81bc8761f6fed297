import marimo

__generated_with = "0.9.14"
app = marimo.App()

with app.setup:
	from marimo import ui
	import marimo as mo


@app.cell
def __():
	generate = ui.run_button(label="Générer")
	mo.vstack([mo.md("## Images"), generate])
	return (generate,)


@app.cell
def __(generate):
	mo.hstack([generate, mo.md("← cliquez")])
	print(generate)
	return


@app.cell
def __():
	download = mo.ui.run_button(label="Download")
	if download.value:
		print("downloading")
	download
	return


@app.cell
def __():
	_doc = "mo.stop(not go.value)  # only a string"
	go = mo.ui.run_button(label="Go")
	go
	return (go,)


@app.cell
async def __(go):
	import asyncio

	await asyncio.sleep(0)
	if go.value:
		print("went")
	return


if __name__ == "__main__":
	app.run()
