import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import numpy as np
    return (np,)


@app.cell
def _(np):
    model = np.zeros((3, 3))
    return (model,)


@app.cell
def _(model):
    del model
    return


if __name__ == "__main__":
    app.run()

