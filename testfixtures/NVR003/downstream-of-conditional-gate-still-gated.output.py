"""ResNet-18 on CIFAR-10: reuse the checkpoint when there is one, then fit a linear probe."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    from pathlib import Path

    import marimo as mo
    import torch
    import torchvision
    from torchvision import transforms


@app.cell
def _():
    CHECKPOINT = Path("checkpoints/resnet18-cifar10.pt")
    _transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
    train_loader = torch.utils.data.DataLoader(
        torchvision.datasets.CIFAR10("data", train=True, transform=_transform),
        batch_size=256,
        shuffle=True,
        num_workers=4,
    )
    return CHECKPOINT, train_loader


@app.cell
def _():
    train_button = mo.ui.run_button(label="🚀 Train classifier")
    train_button
    return (train_button,)


@app.cell
def _(CHECKPOINT, train_button, train_loader):
    classifier = torchvision.models.resnet18(num_classes=10).to("cuda")
    if CHECKPOINT.exists():
        # No click needed: the classifier (and every cell below) is ready as soon as the notebook opens.
        classifier.load_state_dict(torch.load(CHECKPOINT))
    else:
        mo.stop(not train_button.value, mo.md("No checkpoint yet: click **Train classifier**"))
        _optimizer = torch.optim.SGD(classifier.parameters(), lr=0.1, momentum=0.9)
        for _epoch in range(30):
            for _x, _y in train_loader:
                _loss = torch.nn.functional.cross_entropy(classifier(_x.to("cuda")), _y.to("cuda"))
                _optimizer.zero_grad()
                _loss.backward()
                _optimizer.step()
        torch.save(classifier.state_dict(), CHECKPOINT)
    return (classifier,)


@app.cell
def _():
    train_button_2 = mo.ui.run_button(label="🚀 Train model")
    train_button_2
    return (train_button_2,)


@app.cell
def _(classifier, train_button_2, train_loader):
    mo.stop(not train_button_2.value, mo.md("Click **Train model** to start training"))

    # A linear probe on the frozen features: runs on open whenever the checkpoint exists.
    classifier.eval()
    probe = torch.nn.Linear(512, 10).to("cuda")
    _backbone = torch.nn.Sequential(*list(classifier.children())[:-1])
    _optimizer = torch.optim.Adam(probe.parameters(), lr=1e-3)
    for epoch in range(5):
        for _x, _y in train_loader:
            with torch.no_grad():
                _features = _backbone(_x.to("cuda")).flatten(1)
            _loss = torch.nn.functional.cross_entropy(probe(_features), _y.to("cuda"))
            _optimizer.zero_grad()
            _loss.backward()
            _optimizer.step()
    return


if __name__ == "__main__":
    app.run()
