import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    return DataLoader, TensorDataset, mo, torch


@app.cell
def _(DataLoader, TensorDataset, mo, torch):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data = TensorDataset(torch.randn(32, 4), torch.randn(32, 1))
    loader = DataLoader(data, batch_size=8, pin_memory=True)
    model = torch.nn.Linear(4, 1).to(device)
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device, non_blocking=True)
            y = y.to(device, non_blocking=True)
            err = (model(x) - y).abs().mean()
    # A list of tensors is not a data loader: nothing to report
    chunks = [torch.ones(2), torch.zeros(2)]
    for chunk in chunks:
        chunk.to(device)
    mo.md(f"Last batch error: {err.item():.3f}")
    return


if __name__ == "__main__":
    app.run()
