import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(torch):
    torch.manual_seed(0)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    train_loader = [(torch.randn(4, 8), torch.randn(4, 1)) for _ in range(5)]
    return device, model, optimizer, train_loader


@app.cell
def _(device, model, optimizer, torch, train_loader):
    losses = []
    for x, y in train_loader:
        loss = torch.nn.functional.mse_loss(model(x.to(device)), y.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    print(f"mean loss: {sum(losses) / len(losses):.3f}")
    return (losses,)


@app.cell
def _(losses):
    assert len(losses) == 5
    return


if __name__ == "__main__":
    app.run()
