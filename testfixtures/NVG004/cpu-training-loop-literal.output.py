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
def _(torch):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return (device,)


@app.cell
def _(DataLoader, TensorDataset, torch):
    _inputs = torch.linspace(0, 1, 64).unsqueeze(1)
    loader = DataLoader(TensorDataset(_inputs, 2 * _inputs), batch_size=16)
    return (loader,)


@app.cell
def _(device, loader, mo, torch):
    _model = torch.nn.Linear(1, 1, bias=False).to(device)
    with torch.no_grad():
        _model.weight.fill_(0.0)
    _optimizer = torch.optim.SGD(_model.parameters(), lr=0.5)
    for _ in range(20):
        for _x, _y in loader:
            _loss = torch.nn.functional.mse_loss(_model(_x.to(device)), _y.to(device))
            _optimizer.zero_grad()
            _loss.backward()
            _optimizer.step()
    mo.md(f"learned slope: **{_model.weight.item():.2f}** (expected 2)")
    return


if __name__ == "__main__":
    app.run()
