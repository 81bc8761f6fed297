import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch as t
    from torch import cuda

    return cuda, mo, t


@app.cell
def _(cuda, t):
    _x = t.ones(4096, 4096).cuda(0)
    _y = _x @ _x
    cuda.synchronize()
    print(_y.shape, cuda.memory_allocated() / 1e9)
    return


if __name__ == "__main__":
    app.run()
