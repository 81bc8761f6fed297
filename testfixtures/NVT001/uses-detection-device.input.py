import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo, torch):
    """GPU detection: every GPU cell depends on `device`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.md("⚠️ **No NVIDIA GPU detected**: see `nvidia-smi`.").callout(kind="danger"),
    )
    device = torch.device("cuda:0")
    return (device,)


@app.cell
def _(device, torch):
    classifier = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10)).to(device)
    return (classifier,)


@app.cell(hide_code=True)
def _(mo):
    mo.md("""
    ## Next steps

    Train the classifier on MNIST.
    """)
    return


if __name__ == "__main__":
    app.run()
