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
    """GPU detection and validation: every GPU cell depends on `device`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.callout(mo.md("⚠️ **No NVIDIA GPU detected**: run this on a CUDA machine."), kind="danger"),
    )
    device = torch.device("cuda:0")
    mo.md(f"✅ **GPU detected**: {torch.cuda.get_device_name(device)}").callout(kind="success")
    return (device,)


@app.cell
def _(device, torch):
    encoder = torch.nn.TransformerEncoder(
        torch.nn.TransformerEncoderLayer(d_model=256, nhead=8, batch_first=True), num_layers=4
    ).to(device)
    return (encoder,)


if __name__ == "__main__":
    app.run()
