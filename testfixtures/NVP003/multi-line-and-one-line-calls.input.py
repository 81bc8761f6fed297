import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    return DataLoader, datasets, mo, torch, transforms


@app.cell
def _(datasets, transforms):
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    train_set = datasets.MNIST("./data", train=True, download=True, transform=transform)
    test_set = datasets.MNIST("./data", train=False, transform=transform)
    return test_set, train_set


@app.cell
def _(DataLoader, mo, test_set, train_set):
    batch_size = mo.ui.slider(32, 512, value=128, step=32, label="Batch size")
    train_loader = DataLoader(
        train_set,
        batch_size=batch_size.value,
        shuffle=True,
        num_workers=4,  # one per CPU core
    )
    test_loader = DataLoader(test_set, batch_size=1024)
    val_loader = DataLoader(
        test_set,
        batch_size=256,
        drop_last=False
    )
    probe_loader = DataLoader(test_set,
                              batch_size=8)
    return test_loader, train_loader


@app.cell
def _(test_loader, torch, train_loader):
    device = torch.device("cuda")
    images, labels = next(iter(train_loader))
    images = images.to(device)
    len(test_loader), images.shape
    return


if __name__ == "__main__":
    app.run()
