import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from torch import nn

    return mo, nn, torch


@app.cell
def _(mo, torch):
    """GPU detection and validation: every GPU cell depends on `device`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.callout(
            mo.md("""
            ⚠️ **No NVIDIA GPU detected**

            This notebook requires an NVIDIA GPU with CUDA support.

            **Troubleshooting**:
            - Verify the GPU is visible: `nvidia-smi`
            - Check the NVIDIA driver version (535+ for CUDA 12)
            - Install a CUDA build of PyTorch: https://pytorch.org/get-started/locally/
            """),
            kind="danger",
        ),
    )

    device = torch.device("cuda:0")
    _props = torch.cuda.get_device_properties(device)
    mo.md(f"""
    ✅ **GPU detected**: {_props.name}
    💾 **Memory**: {_props.total_memory / 1e9:.1f} GB
    🔢 **Compute capability**: {_props.major}.{_props.minor}
    """).callout(kind="success")
    return (device,)


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # Tiny MLP on synthetic data

    We train a two-layer perceptron on random points and watch the loss go down.
    """)
    return


@app.cell
def _(device, nn):
    class MLP(nn.Module):
        def __init__(self, width: int = 64) -> None:
            super().__init__()
            self.layers = nn.Sequential(nn.Linear(2, width), nn.ReLU(), nn.Linear(width, 1))

        def forward(self, x):
            return self.layers(x)

    model = MLP().to(device)
    return (model,)


@app.cell
def _(device, torch):
    # Inputs live on the GPU from the start
    points = torch.linspace(-1, 1, 256, device=device).reshape(-1, 2)
    targets = (points[:, :1] * points[:, 1:]).to(device)
    gpu = device
    print(f"data on {gpu}")
    return points, targets


@app.cell
def _(model, points, targets, torch):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _step in range(100):
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = torch.nn.functional.mse_loss(model(points), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return (losses,)


@app.cell
def _(model, torch):
    def evaluate(grid_size: int, device="cuda:1"):
        # `device` here is this function's own parameter: left alone
        grid = torch.zeros(grid_size, 2).to("cuda")
        return model(grid.to(device))

    second_gpu = torch.ones(4).to("cuda:1")
    return


if __name__ == "__main__":
    app.run()
