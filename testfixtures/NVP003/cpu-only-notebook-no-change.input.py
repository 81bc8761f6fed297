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
    # A CPU-only tutorial: nothing ever goes to a GPU, so pinning would not help
    loader = DataLoader(TensorDataset(torch.arange(10.0)), batch_size=5)
    [batch[0].sum().item() for batch in loader]
    return


if __name__ == "__main__":
    app.run()
