import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader, TensorDataset


@app.function
def train_epoch(model, loader, optimizer, device) -> float:
    """One epoch over `loader`; returns the mean loss."""
    total = torch.zeros((), device=device)
    for inputs, targets in loader:
        inputs = inputs.to(device, non_blocking=True)
        targets = targets.to(device=device, non_blocking=True)
        loss = torch.nn.functional.mse_loss(model(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.detach()
    return (total / len(loader)).item()


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_loader = DataLoader(
        TensorDataset(torch.randn(32, 4), torch.randn(32, 1)),
        batch_size=8,
        pin_memory=torch.cuda.is_available(),
    )
    return device, train_loader


@app.cell
def _(device, train_loader):
    model = torch.nn.Linear(4, 1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    losses = [train_epoch(model, train_loader, optimizer, device) for _ in range(3)]
    mo.md(f"Loss per epoch: {', '.join(f'{l:.3f}' for l in losses)}")
    return


if __name__ == "__main__":
    app.run()
