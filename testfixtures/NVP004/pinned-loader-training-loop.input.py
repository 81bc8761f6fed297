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


@app.cell
def _(DataLoader, datasets, torch, transforms):
    device = torch.device("cuda")
    train_set = datasets.FashionMNIST("./data", train=True, download=True, transform=transforms.ToTensor())
    train_loader = DataLoader(train_set, batch_size=256, shuffle=True, num_workers=4, pin_memory=True)
    return device, train_loader


@app.cell
def _(F, device, mo, torch, train_loader):
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in mo.status.progress_bar(range(3), title="Epochs"):
        for images, labels in train_loader:
            images, labels = images.to(device), labels.to(device)
            half_images = images.to(torch.float16)  # a dtype conversion, not a transfer
            loss = F.cross_entropy(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    model.to("cpu")
    return


if __name__ == "__main__":
    app.run()
