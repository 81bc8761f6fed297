import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo, torch):
    """GPU detection and validation: every GPU cell depends on `cuda_device`."""
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

    cuda_device = torch.device("cuda:0")
    _props = torch.cuda.get_device_properties(cuda_device)
    mo.md(f"""
    ✅ **GPU detected**: {_props.name}
    💾 **Memory**: {_props.total_memory / 1e9:.1f} GB
    🔢 **Compute capability**: {_props.major}.{_props.minor}
    """).callout(kind="success")
    return (cuda_device,)


@app.cell
def _(cuda_device):
    device = cuda_device
    return (device,)


@app.cell
def _(cuda_device, device, torch):
    weights = torch.ones(1024, 1024, device=device)
    scores = (weights @ weights.T).to(cuda_device, non_blocking=True)
    return (scores,)


@app.cell
def _(mo, scores):
    mo.md(f"max score: {scores.max().item():.1f}")
    return


if __name__ == "__main__":
    app.run()
