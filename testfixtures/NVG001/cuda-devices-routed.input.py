import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from torch import nn

    return mo, nn, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # Tiny MLP on synthetic data

    We train a two-layer perceptron on random points and watch the loss go down.
    """)
    return


@app.cell
def _(nn):
    class MLP(nn.Module):
        def __init__(self, width: int = 64) -> None:
            super().__init__()
            self.layers = nn.Sequential(nn.Linear(2, width), nn.ReLU(), nn.Linear(width, 1))

        def forward(self, x):
            return self.layers(x)

    model = MLP().cuda()
    return (model,)


@app.cell
def _(torch):
    # Inputs live on the GPU from the start
    points = torch.linspace(-1, 1, 256, device="cuda").reshape(-1, 2)
    targets = (points[:, :1] * points[:, 1:]).to("cuda")
    gpu = torch.device("cuda")
    print(f"data on {gpu}")
    return points, targets


@app.cell
def _(model, points, targets, torch):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _step in range(100):
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = torch.nn.functional.mse_loss(model(points), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return (losses,)


@app.cell
def _(model, torch):
    def evaluate(grid_size: int, device="cuda:1"):
        # `device` here is this function's own parameter: left alone
        grid = torch.zeros(grid_size, 2).to("cuda")
        return model(grid.to(device))

    second_gpu = torch.ones(4).to("cuda:1")
    return


if __name__ == "__main__":
    app.run()
