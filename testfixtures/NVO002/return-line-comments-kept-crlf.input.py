# Comments on and after a cell's `return`, and on the last line of a cell with no `return`, in
# a CRLF file: marimo's save would drop those after the `return`; the rewrite keeps them as
# lines of the cell's code, and every line keeps its CRLF break.
import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import numpy as np
    return (np,)  # numpy for the cells below


@app.cell
def _(np):
    weights = np.ones(3)  # trailing comment on the last line


@app.cell
def _(np):
    bias = np.zeros(3)
    return bias  # bias used downstream


@app.cell
def _(np):
    scale = np.full(3, 2.0)
    return (
        scale,  # inside the return
    )  # after it
    # below it


if __name__ == "__main__":
    app.run()
