# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch>=2.4"]
# ///
"""Tiny classifier on random data: trains on a CPU in a second."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, TensorDataset


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(0)
    _features = torch.randn(64, 8)
    _labels = (_features.sum(dim=1) > 0).long()
    train_loader = DataLoader(TensorDataset(_features[:48], _labels[:48]), batch_size=16, shuffle=True)
    test_loader = DataLoader(TensorDataset(_features[48:], _labels[48:]), batch_size=16)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2)).to(device)
    num_epochs = 3
    return device, model, num_epochs, test_loader, train_loader


@app.cell
def _(device, model, num_epochs, train_loader):
    _optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for epoch in mo.status.progress_bar(range(num_epochs), title="Training"):
        for xb, yb in train_loader:
            _optimizer.zero_grad()
            _loss = nn.functional.cross_entropy(model(xb.to(device)), yb.to(device))
            _loss.backward()
            _optimizer.step()
        losses.append(_loss.item())
    mo.md(f"Perte finale : **{losses[-1]:.3f}**")
    return


@app.cell
def _(device, model, test_loader):
    _correct = 0
    model.eval()
    with torch.no_grad():
        for _i, (_xb, _yb) in enumerate(mo.status.progress_bar(test_loader, title="Evaluating"), start=1):
            _correct += (model(_xb.to(device)).argmax(dim=1) == _yb.to(device)).sum().item()
    mo.md(f"Accuracy: {_correct / 16:.0%}")
    return


if __name__ == "__main__":
    app.run()
