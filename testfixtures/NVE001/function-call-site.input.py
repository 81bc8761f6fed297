import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    import torch.nn.functional as F


@app.function
def train_one_epoch(model, loader, optimizer, device="cuda"):
    """One pass over `loader`; returns the mean loss."""
    model.train()
    total = 0.0
    for inputs, targets in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(inputs.to(device)), targets.to(device))
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(loader)


@app.cell
def _():
    def make_batches(n_batches, batch_size):
        return [(torch.randn(batch_size, 3, 224, 224), torch.randint(0, 1000, (batch_size,))) for _ in range(n_batches)]

    def fit(model, epochs):
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        loader = make_batches(20, 128)
        return [train_one_epoch(model, loader, optimizer) for _ in range(epochs)]

    return (fit,)


@app.cell
def _(fit):
    import torchvision

    resnet = torchvision.models.resnet50().cuda()
    history = fit(resnet, epochs=5)
    mo.md(f"Loss went from {history[0]:.3f} to {history[-1]:.3f}")
    return


if __name__ == "__main__":
    app.run()
