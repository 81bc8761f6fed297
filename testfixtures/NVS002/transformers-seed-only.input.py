import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import transformers
    return mo, transformers


@app.cell
async def _(mo, transformers):
    import asyncio

    transformers.set_seed(0)
    _pipe = transformers.pipeline("text-generation", model="gpt2", device="cuda:0")
    await asyncio.sleep(0)
    mo.md(_pipe("GPUs are")[0]["generated_text"])
    return


@app.cell
def _():
	import torch
	torch.backends.cudnn.deterministic = False
	return


if __name__ == "__main__":
    app.run()
