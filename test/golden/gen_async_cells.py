import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import asyncio
    import contextlib

    return asyncio, contextlib


@app.cell
async def _(asyncio):
    # top-level await: async cell
    await asyncio.sleep(0)
    awaited = 1
    return (awaited,)


@app.cell
def _():
    async def ticks(n):
        for i in range(n):
            yield i


    # async for only inside a nested function: NOT an async cell
    async def consume():
        total = 0
        async for t in ticks(3):
            total += t
        return total


    nested_only = consume
    return nested_only, ticks


@app.cell
async def _(awaited, ticks):
    # top-level async for: async cell
    collected = []
    async for _t in ticks(awaited + 2):
        collected.append(_t)
    return (collected,)


@app.cell
async def _(collected, contextlib, nested_only):
    # top-level async with: async cell
    @contextlib.asynccontextmanager
    async def manager():
        yield "entered"


    async with manager() as entered:
        print(entered, collected, nested_only)
    return


@app.cell(hide_code=True)
async def _(asyncio):
    # await inside a top-level comprehension: async cell
    results = [await asyncio.sleep(0, result=_i) for _i in range(2)]
    return (results,)


@app.cell
def _(asyncio, results):
    # await only inside a nested async def: not an async cell
    def later():
        async def inner():
            await asyncio.sleep(0)

        return inner


    print(results, later)
    return


if __name__ == "__main__":
    app.run()
