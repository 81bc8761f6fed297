"""Width sweep of a small MLP on synthetic data."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from torch import nn


@app.function
def train(width: int, epochs: int = 20) -> float:
    """Trains an MLP of the given width on random data and returns the final loss."""
    model = nn.Sequential(nn.Linear(32, width), nn.ReLU(), nn.Linear(width, 1)).to("cuda")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-2)
    x = torch.randn(4096, 32, device="cuda")
    y = x.sum(dim=1, keepdim=True)
    for epoch in range(epochs):
        loss = nn.functional.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


@app.cell
def _():
    sweep_button = mo.ui.run_button(label="🚀 Train model")
    sweep_button
    return (sweep_button,)


@app.cell
def _(sweep_button):
    # Gated by the notebook's own button, whose label the new buttons must not repeat.
    mo.stop(not sweep_button.value, mo.md("Click **Train model** to run the sweep"))
    losses = {_w: train(_w) for _w in (16, 64, 256)}
    losses
    return


@app.cell
def _():
    # Nothing in these cells names what they make: the new buttons get numbers.
    train(1024)
    return


@app.cell
def _():
    train(4096)
    return


if __name__ == "__main__":
    app.run()
