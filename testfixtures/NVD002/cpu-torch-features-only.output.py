"""Autograd on the CPU or GPU

Fits a line with gradient descent, on the GPU when there is one.

Features:
- Learning-rate slider

Requirements:
- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+
- CUDA TODO+ and NVIDIA driver TODO+
- PyTorch
- TODO: downloads (models, data sets) and their size

Tested configurations:
- TODO: OS + GPU (VRAM) + CUDA version, e.g. Ubuntu 22.04 + L4 (24GB) + CUDA 12.4

Author: TODO
Date: TODO (YYYY-MM-DD)
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    lr = mo.ui.slider(0.01, 0.5, value=0.1, step=0.01, label="Learning rate")
    lr
    return (lr,)


@app.cell
def _(lr):
    _device = "cuda" if torch.cuda.is_available() else "cpu"
    _w = torch.zeros(1, device=_device, requires_grad=True)
    _x = torch.linspace(0, 1, 8, device=_device)
    for _ in range(20):
        _loss = ((_w * _x - 2 * _x) ** 2).mean()
        _loss.backward()
        with torch.no_grad():
            _w -= lr.value * _w.grad
            _w.grad.zero_()
    print(round(_w.item(), 2))
    return


if __name__ == "__main__":
    app.run()
