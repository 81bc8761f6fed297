"Quick CUDA smoke test."

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    torch.cuda.is_available()
    return


if __name__ == "__main__":
    app.run()
