import marimo

__generated_with = "0.7.0"
app = marimo.App()


@app.cell
def __():
    import torch
    import numpy as np
    return np, torch


@app.cell
def __(np, torch):
    batch = torch.as_tensor(np.zeros((4, 3), dtype=np.float32)).to("cuda")
    return batch,


if __name__ == "__main__":
    app.run()
