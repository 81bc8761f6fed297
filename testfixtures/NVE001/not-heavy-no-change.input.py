import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    small = torch.randn(1024, 1024, device=device)
    host = torch.zeros(32768, 32768, device="cpu")
    sizes = [torch.empty(n, n, device=device) for n in (64, 128)]
    small.sum().item()
    return (device,)


@app.cell
def _(device, torch):
    model = torch.nn.Linear(16, 4).to(device)
    model.train()
    # a single sample, not a batch from a loader
    with torch.no_grad():
        model(torch.randn(1, 16, device=device))
    return


@app.cell
def _(torch):
    def train_forever(net, opt):
        # defined here but never called in this notebook
        while True:
            net(torch.randn(64, 16)).sum().backward()
            opt.step()

    return


@app.cell
def _(mo):
    mo.md("""
    Call `loss.backward()` and `optimizer.step()` in a loop,
    or `model.generate(...)` for text.
    """)
    return


if __name__ == "__main__":
    app.run()
