import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from torch import nn

    return mo, nn, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## Training a ResNet block 🏋️

    Mixed precision (`torch.autocast`) is explained in the next notebook.
    """)
    return


@app.cell
def _(mo, nn, torch):
    device = torch.device("cuda")
    model = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.Flatten(), nn.LazyLinear(10)).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for epoch in mo.status.progress_bar(range(10)):
        for _ in range(50):
            images = torch.randn(64, 3, 32, 32, device=device)
            labels = torch.randint(0, 10, (64,), device=device)
            loss = criterion(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return


if __name__ == "__main__":
    app.run()
