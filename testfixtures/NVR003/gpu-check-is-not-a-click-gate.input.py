import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    import torchvision


@app.cell
def _():
    """GPU detection: every GPU cell depends on `device`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.callout(mo.md("⚠️ **No NVIDIA GPU detected**"), kind="danger"),
    )
    device = torch.device("cuda:0")
    return (device,)


@app.cell
def _(device):
    """Fashion-MNIST, downloaded on first run (~30 MB)."""
    train_set = torchvision.datasets.FashionMNIST(
        "data", train=True, download=True, transform=torchvision.transforms.ToTensor()
    )
    sample = train_set[0][0].to(device)
    return (train_set,)


@app.cell
def _(train_set):
    mo.md(f"{len(train_set):,} training images")
    return


if __name__ == "__main__":
    app.run()
