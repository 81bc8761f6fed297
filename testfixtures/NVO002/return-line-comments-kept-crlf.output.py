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
    _weights = np.ones(3)  # trailing comment on the last line
    return


@app.cell
def _(np):
    _bias = np.zeros(3)
    # bias used downstream
    return


@app.cell
def _(np):
    _scale = np.full(3, 2.0)
    # inside the return
    # after it
    # below it
    return


if __name__ == "__main__":
    app.run()
