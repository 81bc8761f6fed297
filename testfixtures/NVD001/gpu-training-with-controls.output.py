"""MNIST Classifier Training on the GPU

TODO: Describe in 2-3 sentences what this notebook does, on which data or model,
and what the user sees or learns.

Features:
- Interactive controls: Epochs (slider), Learning rate (number input), Train (run button)
- TODO: the notebook's main capabilities, one per line

Requirements:
- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+
- CUDA TODO+ and NVIDIA driver TODO+
- NumPy, PyTorch
- TODO: downloads (models, data sets) and their size

Tested configurations:
- TODO: OS + GPU (VRAM) + CUDA version, e.g. Ubuntu 22.04 + L4 (24GB) + CUDA 12.4

Author: TODO
Date: TODO (YYYY-MM-DD)
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import torch
    from torch import nn
    return mo, nn, np, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # 🧠 MNIST Classifier Training on the GPU

    Train a two-layer perceptron and watch the loss go down.
    """)
    return


@app.cell
def _(mo):
    epochs = mo.ui.slider(1, 20, value=5, label="Epochs")
    learning_rate = mo.ui.number(0.0001, 0.1, value=0.001, label="Learning **rate**")
    train_button = mo.ui.run_button(label="🚀 Train")
    mo.hstack([epochs, learning_rate, train_button])
    return epochs, learning_rate, train_button


@app.cell
def _(epochs, learning_rate, mo, nn, torch, train_button):
    mo.stop(not train_button.value)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate.value)
    for _epoch in range(epochs.value):
        _loss = model(torch.randn(64, 784, device="cuda")).logsumexp(1).mean()
        optimizer.zero_grad()
        _loss.backward()
        optimizer.step()
    return


if __name__ == "__main__":
    app.run()
