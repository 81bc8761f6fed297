# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch>=2.4"]
# ///
"""Tiny regression trained with SGD: runs on a CPU when no GPU is present."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from torch import nn


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 📉 Linear regression with PyTorch

    Entraînement d'un petit modèle linéaire — the loss should go down.
    """)
    return


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(0)
    features = torch.randn(64, 3, device=device)
    targets = features @ torch.tensor([1.0, -2.0, 0.5], device=device) + 0.1
    model = nn.Linear(3, 1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    return features, model, optimizer, targets


@app.cell
def _(features, model, optimizer, targets):
    # Full-batch gradient descent
    losses = []
    for epoch in range(20):
        optimizer.zero_grad()
        _loss = nn.functional.mse_loss(model(features).squeeze(-1), targets)
        _loss.backward()
        optimizer.step()
        losses.append(_loss.item())
    mo.md(f"Final loss: **{losses[-1]:.4f}**")
    return (losses,)


@app.cell
def _(losses):
    mo.md(f"{len(losses)} epochs, first loss {losses[0]:.3f}")
    return


if __name__ == "__main__":
    app.run()
