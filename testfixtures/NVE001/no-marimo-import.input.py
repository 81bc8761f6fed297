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
    weights = np.random.default_rng(0).standard_normal((64, 64)).astype(np.float32)
    layer = torch.nn.Linear(64, 64).cuda()
    layer.weight.data = torch.from_numpy(weights).cuda()
    optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
    for _ in range(100):
        layer(torch.randn(8192, 64, device="cuda")).sum().backward()
        optimizer.step()
    return


if __name__ == "__main__":
    app.run()
