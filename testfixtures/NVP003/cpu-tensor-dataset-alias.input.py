import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader as DL
    from torch.utils.data import TensorDataset

    return DL, TensorDataset, mo, torch


@app.cell
def _(DL, TensorDataset, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    features = torch.randn(16, 4)
    targets = torch.randint(0, 2, (16,))
    loader = DL(TensorDataset(features, targets), batch_size=4, shuffle=True)
    return device, loader


@app.cell
def _(device, loader, mo, torch):
    model = torch.nn.Linear(4, 2).to(device)
    correct = 0
    with torch.no_grad():
        for x, y in loader:
            correct += (model(x.to(device)).argmax(1) == y.to(device)).sum().item()
    mo.md(f"Accuracy of an untrained model: {correct / 16:.0%}")
    return


if __name__ == "__main__":
    app.run()
