import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader, TensorDataset


@app.cell
def _():
    """Batch size defaults adapt to the GPU's memory (8 on the CPU)."""
    if torch.cuda.is_available():
        _total_gb = torch.cuda.get_device_properties(0).total_memory / 1e9
        if _total_gb < 12:
            default_batch = 16
        elif _total_gb < 24:
            default_batch = 32
        else:
            default_batch = 64
    else:
        default_batch = 8
    batch_size = mo.ui.slider(8, 128, step=8, value=default_batch, label="Batch size")
    batch_size
    return (batch_size,)


@app.cell
def _(batch_size):
    _device = "cuda" if torch.cuda.is_available() else "cpu"
    _data = torch.ones(32, 4)
    _loader = DataLoader(TensorDataset(_data, _data), batch_size=batch_size.value)
    _layer = torch.nn.Linear(4, 4).to(_device)
    _optimizer = torch.optim.SGD(_layer.parameters(), lr=0.01)
    for _x, _y in _loader:
        _loss = (_layer(_x.to(_device)) - _y.to(_device)).pow(2).mean()
        _optimizer.zero_grad()
        _loss.backward()
        _optimizer.step()
    mo.md(f"final loss {_loss.item():.4f}")
    return


if __name__ == "__main__":
    app.run()
