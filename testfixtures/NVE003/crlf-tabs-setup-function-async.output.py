import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import logging

    import marimo as mo

    try:
    	import torch
    except Exception as e:
    	print(f"Torch missing: {e}")


@app.function
def save_report(rows: list, path: str) -> bool:
	"""Writes the report; returns False when it fails."""
	try:
		with open(path, "w", encoding="utf-8") as handle:
			handle.write("\n".join(map(str, rows)))
		return True
	except OSError as e:
		logging.error(f"Failed: {e}")
		return False


@app.cell
async def _():
    import asyncio

    try:
    	await asyncio.sleep(0)
    except Exception as e:
    	print(f"Échec de l'étape {{step}} (dict: {{'a': 1}}): {e}")
    return


@app.cell
def _():
    try:
    	_n = int("12")
    except Exception:
    	print("Could not parse %s" % "12")
    try:
    	_m = int("13")
    except Exception as e:
    	print("Could not parse " f"the number: {e}")
    try:
    	_k = int("14")
    except Exception:
    	print("Could not parse {}".format("14"))
    return


@app.cell
def _():
    try:
    	_w = torch.ones(3).sum().item()
    except Exception as e:
    	mo.md(
    		f"""
    		## ❌ Error

    		The warm-up step failed: {e}
    		"""
    	)
    return


if __name__ == "__main__":
	app.run()
