import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import asyncio

    import marimo as mo

    return asyncio, mo


@app.cell
async def _(asyncio, mo):
    async def poll_gpu(seconds):
        for _ in range(3):
            await asyncio.sleep(seconds)

    # The event loop keeps only a weak reference to a task: this name is the strong one
    monitor = asyncio.create_task(poll_gpu(0.01))
    status = mo.md("Polling the GPU in the background")
    status
    return


if __name__ == "__main__":
    app.run()
