"""Numbers created in the setup cell, validated with assert, or feeding range() under a plain name."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo

    max_tokens = mo.ui.number(value=256, label="Max new tokens")
    n = mo.ui.number(value=3)
    depth = mo.ui.number(value=4, label="Depth")


@app.cell
def _():
    assert 1 <= depth.value <= 32, "depth must be between 1 and 32"
    rows = [i for i in range(n.value)]
    return


@app.cell
async def _():
    import asyncio

    await asyncio.sleep(0)
    budget = {"max_new_tokens": max_tokens.value}
    return


if __name__ == "__main__":
    app.run()
