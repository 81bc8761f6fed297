import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    import torch.nn.functional as F
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    return DataLoader, F, datasets, mo, torch, transforms


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # CIFAR-10 ResNet-18 fine-tuning

    Trains for a few epochs with AdamW; the loss curve is shown below.
    """)
    return


@app.cell
def _(DataLoader, datasets, mo, transforms):
    batch_size = mo.ui.slider(32, 1024, step=32, value=256, label="Batch size")
    train_set = datasets.CIFAR10("./data", train=True, download=True, transform=transforms.ToTensor())
    train_loader = DataLoader(train_set, batch_size=batch_size.value, shuffle=True)
    batch_size
    return (train_loader,)


@app.cell
def _(F, mo, torch, train_loader):
    device = torch.device("cuda")
    model = torch.hub.load("pytorch/vision", "resnet18", num_classes=10).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)

    # one pass over the data per epoch
    losses = []
    try:
        for epoch in range(3):
            for images, labels in train_loader:
                images, labels = images.to(device), labels.to(device)
                loss = F.cross_entropy(model(images), labels)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                losses.append(loss.item())
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _free_bytes, _total_bytes = torch.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {torch.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Reduce the batch size, or train in mixed precision (`torch.autocast`)
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    print(f"final loss: {losses[-1]:.3f}")
    losses[-10:]
    return losses, model


@app.cell
def _(losses, model):
    model.eval()
    len(losses)
    return


if __name__ == "__main__":
    app.run()
