# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch", "torchvision"]
# ///

import marimo

__generated_with = "0.13.0"
app = marimo.App(width="medium")


@app.cell
def __():
    import marimo as mo
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    return F, mo, nn, torch


@app.cell(hide_code=True)
def __(mo):
    mo.md(
        r"""
        # CIFAR-10 with automatic mixed precision

        We train with `torch.cuda.amp.autocast` and a `GradScaler`.
        """
    )
    return


@app.cell
def __(nn, torch):
    device = torch.device("cuda")
    model = nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10)
    ).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    scaler = torch.cuda.amp.GradScaler()
    return device, model, optimizer, scaler


@app.cell
def __(F, device, model, optimizer, scaler, torch):
    losses = []
    for step in range(100):
        images = torch.randn(128, 3, 32, 32, device=device)
        labels = torch.randint(0, 10, (128,), device=device)
        optimizer.zero_grad(set_to_none=True)
        with torch.cuda.amp.autocast(dtype=torch.float16):  # FP16 on tensor cores
            loss = F.cross_entropy(model(images), labels)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        losses.append(loss.detach())
    return (losses,)


@app.cell
def __(losses, model, torch):
    with torch.no_grad(), torch.cuda.amp.autocast():
        logits = model(torch.randn(8, 3, 32, 32, device="cuda"))
    torch.stack(losses).mean().item(), logits.shape
    return


if __name__ == "__main__":
    app.run()
