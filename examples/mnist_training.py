import marimo

__generated_with = "0.11.31"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import matplotlib.pyplot as plt
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    return DataLoader, F, datasets, mo, nn, plt, torch, transforms


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # MNIST CNN on the GPU

    A small convolutional network trained on MNIST — two conv layers, dropout and two
    fully connected layers. Mixed precision (AMP) keeps an epoch under 10 s on most cards.

    Adjust the sliders below and the training cell re-runs automatically.
    """)
    return


@app.cell
def _(torch):
    # we always train on the first GPU
    device = torch.device("cuda")
    batch_size = 64
    return batch_size, device


@app.cell
def _(mo):
    epochs = mo.ui.slider(1, 20, value=5, label="Epochs")
    epochs
    return (epochs,)


@app.cell
def _(mo):
    lr = mo.ui.slider(0.0001, 0.01, step=0.0001, value=0.001, label="Learning rate")
    lr
    return (lr,)


@app.cell
def _(DataLoader, batch_size, datasets, transforms):
    transform = transforms.Compose(
        [transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))]
    )
    train_set = datasets.MNIST("./data", train=True, download=True, transform=transform)
    test_set = datasets.MNIST("./data", train=False, transform=transform)

    train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, num_workers=2)
    test_loader = DataLoader(test_set, batch_size=1000)
    return test_loader, train_loader


@app.cell
def _(F, nn, torch):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 32, 3, 1)
            self.conv2 = nn.Conv2d(32, 64, 3, 1)
            self.dropout = nn.Dropout(0.25)
            self.fc1 = nn.Linear(9216, 128)
            self.fc2 = nn.Linear(128, 10)

        def forward(self, x):
            x = F.relu(self.conv1(x))
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = torch.flatten(self.dropout(x), 1)
            x = F.relu(self.fc1(x))
            return F.log_softmax(self.fc2(x), dim=1)

    return (Net,)


@app.cell
def _(Net, device, torch):
    # quick shape check with a random batch
    sample = torch.randn(8, 1, 28, 28).to(device)
    Net().to(device)(sample).shape
    return


@app.cell
def _(F, Net, device, epochs, lr, torch, train_loader):
    model = Net().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr.value)
    scaler = torch.cuda.amp.GradScaler()

    losses = []
    for epoch in range(epochs.value):
        model.train()
        for data, target in train_loader:
            data, target = data.to(device), target.to(device)
            optimizer.zero_grad()
            with torch.cuda.amp.autocast():
                output = model(data)
                loss = F.nll_loss(output, target)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            losses.append(loss.item())
        print(f"epoch {epoch}: loss {loss.item():.4f}")
    return losses, model, optimizer


@app.cell
def _(losses, plt):
    plt.figure(figsize=(8, 3))
    plt.plot(losses)
    plt.xlabel("step")
    plt.ylabel("NLL loss")
    plt.gca()
    return


@app.cell
def _(device, model, test_loader, torch):
    model.eval()
    correct = 0
    with torch.no_grad():
        for images, labels in test_loader:
            images, labels = images.to(device), labels.to(device)
            correct += (model(images).argmax(dim=1) == labels).sum().item()
    accuracy = correct / len(test_loader.dataset)
    print(f"Test accuracy: {accuracy:.2%}")
    return


@app.cell
def _(mo):
    mo.md(r"""
    ## Clean up

    Free the model before re-running with other hyperparameters.
    """)
    return


@app.cell
def _(model, optimizer):
    del model, optimizer
    return


if __name__ == "__main__":
    app.run()
