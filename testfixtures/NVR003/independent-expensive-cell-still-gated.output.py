"""CIFAR-10: a small CNN trained from scratch against a pretrained ResNet-50 baseline."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    import torchvision
    from torch import nn
    from torchvision import transforms


@app.cell
def _():
    download_button = mo.ui.run_button(label="📥 Download data")
    download_button
    return (download_button,)


@app.cell
def _(download_button):
    mo.stop(not download_button.value, mo.md("Click **Download data** to start the download and the training that follows"))

    _transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
    train_set = torchvision.datasets.CIFAR10("data", train=True, download=True, transform=_transform)
    test_set = torchvision.datasets.CIFAR10("data", train=False, download=True, transform=_transform)
    return test_set, train_set


@app.cell
def _(train_set):
    # Below the download cell: the click that downloads the data starts the training too.
    cnn = nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 8 * 8, 10),
    ).to("cuda")
    _loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)
    _optimizer = torch.optim.Adam(cnn.parameters(), lr=1e-3)
    for epoch in range(10):
        for _x, _y in _loader:
            _loss = nn.functional.cross_entropy(cnn(_x.to("cuda")), _y.to("cuda"))
            _optimizer.zero_grad()
            _loss.backward()
            _optimizer.step()
    return (cnn,)


@app.cell
def _():
    download_button_2 = mo.ui.run_button(label="📥 Download model")
    download_button_2
    return (download_button_2,)


@app.cell
def _(download_button_2):
    mo.stop(not download_button_2.value, mo.md("Click **Download model** to start the download"))

    # Depends on no other cell: it needs a button of its own.
    baseline = torch.hub.load("pytorch/vision", "resnet50", weights="IMAGENET1K_V2")
    baseline.fc = nn.Linear(baseline.fc.in_features, 10)
    baseline = baseline.to("cuda").eval()
    return (baseline,)


@app.cell
def _(baseline, cnn, test_set):
    _loader = torch.utils.data.DataLoader(test_set, batch_size=512)
    _correct = {"cnn": 0, "resnet50 (untuned head)": 0}
    with torch.no_grad():
        for _x, _y in _loader:
            _x, _y = _x.to("cuda"), _y.to("cuda")
            _correct["cnn"] += (cnn(_x).argmax(1) == _y).sum().item()
            _correct["resnet50 (untuned head)"] += (baseline(_x).argmax(1) == _y).sum().item()
    mo.ui.table([{"model": _k, "accuracy": _v / len(test_set)} for _k, _v in _correct.items()])
    return


if __name__ == "__main__":
    app.run()
