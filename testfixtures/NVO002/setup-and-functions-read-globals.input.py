import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch

    unused_in_setup = "setup names are visible everywhere: never reported"


@app.function
def total(values: list[float]) -> float:
    """Sum of the values."""
    return sum(values)


@app.cell
def _():
    readings = [1.0, 2.5, 4.0]
    threshold = 2.0
    return readings, threshold


@app.cell
def _(readings, threshold):
    high = [r for r in readings if r > threshold]
    mo.md(f"{len(high)} readings above {threshold}, total {total(readings)}")
    return


if __name__ == "__main__":
    app.run()
