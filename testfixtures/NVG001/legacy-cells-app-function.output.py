import marimo

__generated_with = "0.8.0"
app = marimo.App()

with app.setup:
    import torch


@app.function
def to_gpu(batch: torch.Tensor) -> torch.Tensor:
    """Top-level functions cannot read a cell's `device`: left as they are."""
    return batch.to("cuda")


@app.cell
def _():
    import marimo as mo

    return (mo,)


@app.cell
def _(mo):
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


@app.cell
def _(device):
    batch = to_gpu(torch.zeros(16, 3))
    logits = torch.nn.Linear(3, 2).to(device)(batch)
    return (logits,)


@app.cell
async def _(device, logits):
    import asyncio

    await asyncio.sleep(0)
    probabilities = logits.softmax(dim=-1).to(device=device)
    return


if __name__ == "__main__":
    app.run()
