# /// script
# requires-python = ">=3.11"
# dependencies = [
#     "httpx",
#     "marimo",
#     "polars",
#     "torch",
# ]
# ///

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.function
def load_table(path: str):
    """Reads a Parquet file with Polars (imported lazily: it is only needed here)."""
    import polars as pl

    return pl.read_parquet(path)


@app.cell
async def _():
    import asyncio

    import httpx
    import marimo as mo

    async with httpx.AsyncClient() as _client:
        _response = await _client.get("https://example.com")
    await asyncio.sleep(0)
    mo.md(f"Status: {_response.status_code}")
    return


@app.cell
def _():
	import torch
	from torch.utils.data import DataLoader
	_loader = DataLoader(list(range(8)), batch_size=4)
	return


if __name__ == "__main__":
    app.run()
