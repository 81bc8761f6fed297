import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import asyncio

    import marimo as mo


@app.cell
def __():
    def report(epoch: int, loss: float) -> None:
        print(f"epoch {epoch}: loss={loss:.4f}")


    for _epoch in range(3):
        report(_epoch, 1.0 / (_epoch + 1))
    return


@app.cell
async def _():
    try:
        await asyncio.wait_for(asyncio.sleep(0), timeout=1)
    except asyncio.TimeoutError:
        print("Timed out")
    return


@app.cell
def _():
	print("done")
	return


if __name__ == "__main__":
    app.run()
