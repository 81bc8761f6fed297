import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    return DataLoader, TensorDataset, torch


@app.cell
def _(DataLoader, TensorDataset, torch):
    device = torch.device("cuda")
    train_dataset = TensorDataset(torch.randn(256, 8), torch.randint(0, 2, (256,)))
    # Black-style: every argument on one continuation line
    train_loader = DataLoader(
        train_dataset, batch_size=64, shuffle=True, pin_memory=True
    )
    # The same with a trailing comma
    eval_loader = DataLoader(
        train_dataset, batch_size=256, shuffle=False, pin_memory=True,
    )
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
    return


if __name__ == "__main__":
    app.run()
