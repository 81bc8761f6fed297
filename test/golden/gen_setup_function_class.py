import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import math

    import marimo as mo

    SCALE: float = 2.0


@app.function
def scaled(x: float) -> float:
    return math.sqrt(x) * SCALE


@app.class_definition
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return scaled(self.x**2 + self.y**2)


@app.cell
def _(offset):
    def uses_cell_variable():
        return offset + 1

    return (uses_cell_variable,)


@app.cell
def _():
    offset = 10
    origin = Point(0, 0)
    return offset, origin


@app.cell
def _(offset):
    # setup names (math, mo, SCALE), @app.function and
    # @app.class_definition names are never parameters
    mo.md(f"{scaled(offset)} {Point(3, 4).norm()} {math.pi * SCALE}")
    return


@app.cell
def reads_demoted_function(origin, uses_cell_variable):
    uses_cell_variable() + origin.x
    return


@app.function(hide_code=True)
def hidden_helper(v):
    return v * 2


@app.cell
def _(offset):
    hidden_helper(offset)
    return


if __name__ == "__main__":
    app.run()
