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
    loader = DataLoader(TensorDataset(torch.randn(512, 16), torch.randn(512, 1)), batch_size=32)
    net = torch.nn.Linear(16, 1).cuda()
    outputs = []
    for x, y in loader:
        x = x.cuda()
        outputs.append(net(x).to("cpu"))  # copy back to the host: not a host-to-device copy
    return


if __name__ == "__main__":
    app.run()
