import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import json
    import time

    import marimo as mo
    import numpy as np
    import torch
    import yaml
    return mo, np, torch, yaml


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # Tiny regression on the CPU or the GPU

    Fits `y = 3x + 1` with a single linear layer; the configuration is plain YAML.
    """)
    return


@app.cell
def _(yaml):
    config = yaml.safe_load("""
    learning_rate: 0.1
    steps: 50
    """)
    return (config,)


@app.cell
def _(config, np, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    _x = torch.from_numpy(np.linspace(-1, 1, 32, dtype=np.float32)).unsqueeze(1).to(device)
    _y = 3 * _x + 1
    layer = torch.nn.Linear(1, 1).to(device)
    _optimizer = torch.optim.SGD(layer.parameters(), lr=config["learning_rate"])
    for _ in range(config["steps"]):
        _optimizer.zero_grad()
        _loss = torch.nn.functional.mse_loss(layer(_x), _y)
        _loss.backward()
        _optimizer.step()
    return (layer,)


@app.cell
def _(layer, mo):
    mo.md(f"Learned weight: **{layer.weight.item():.2f}**, bias: **{layer.bias.item():.2f}**")
    return


if __name__ == "__main__":
    app.run()
