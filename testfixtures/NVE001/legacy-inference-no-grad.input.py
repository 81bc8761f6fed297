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
def __(mo, net, torch, val_loader):
    correct = 0
    with torch.no_grad():
        for images, labels in mo.status.progress_bar(val_loader):
            logits = net(images.to("cuda", non_blocking=True))
            correct += (logits.argmax(1).cpu() == labels).sum().item()
    accuracy = correct / len(val_loader.dataset)
    mo.md(f"Top-1 accuracy: **{accuracy:.2%}**")
    return accuracy, correct, images, labels, logits


if __name__ == "__main__":
    app.run()
