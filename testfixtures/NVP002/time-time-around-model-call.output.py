import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import time

    import marimo as mo
    import torch
    import torchvision

    return mo, time, torch, torchvision


@app.cell
def _(torch, torchvision):
    device = torch.device("cuda")
    model = torchvision.models.resnet50(weights=None).to(device).eval()
    batch = torch.randn(64, 3, 224, 224, device=device)
    return batch, model


@app.cell
def _(batch, mo, model, time, torch):
    with torch.no_grad():
        start = time.perf_counter()
        logits = model(batch)
        torch.cuda.synchronize()  # wait for the queued GPU kernels before reading the clock
        elapsed = time.perf_counter() - start
    mo.md(f"Inference on 64 images: **{elapsed * 1000:.1f} ms** ({64 / elapsed:.0f} images/s)")
    return


if __name__ == "__main__":
    app.run()
