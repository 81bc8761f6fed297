import marimo

__generated_with = "0.9.14"
app = marimo.App(width="medium")


@app.cell
def __():
    import marimo as mo
    import torch
    import torchvision
    return mo, torch, torchvision


@app.cell
def __(torch, torchvision):
    weights = torchvision.models.ResNet50_Weights.DEFAULT
    net = torchvision.models.resnet50(weights=weights).eval().to("cuda")
    val_set = torchvision.datasets.ImageFolder("./val", transform=weights.transforms())
    val_loader = torch.utils.data.DataLoader(val_set, batch_size=512)
    return net, val_loader, val_set, weights


@app.cell
def _(mo, net, torch, val_loader):
    correct = 0
    try:
        with torch.no_grad():
            for images, labels in mo.status.progress_bar(val_loader):
                logits = net(images.to("cuda", non_blocking=True))
                correct += (logits.argmax(1).cpu() == labels).sum().item()
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
                    - Reduce the batch size of the data loader
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    accuracy = correct / len(val_loader.dataset)
    mo.md(f"Top-1 accuracy: **{accuracy:.2%}**")
    return


if __name__ == "__main__":
    app.run()
