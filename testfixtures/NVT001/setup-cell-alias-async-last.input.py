import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import asyncio

    import marimo as mo
    import torch as pt


@app.cell
async def _():
    await asyncio.sleep(0)
    hidden = pt.zeros(2, 128).cuda()
    # An assert that is not about the GPU does not make a self-test
    assert True
    return (hidden,)


if __name__ == "__main__":
    app.run()
