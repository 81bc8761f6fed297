import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import numpy as np
    import torch

    return np, torch


@app.cell
def _(np, torch):
    matrix = torch.from_numpy(np.eye(4, dtype=np.float32)).to("cuda")
    return (matrix,)


if __name__ == "__main__":
    app.run()
