import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.function
def render(points: torch.Tensor) -> torch.Tensor:
    """Projects points on the GPU, as a viewer's render callback does."""
    gpu = torch.device("cuda")
    return (points.to(gpu) @ torch.eye(3, device=gpu)).cpu()


@app.cell
def _():
    """GPU detection and validation. The GPU code (in functions or the setup cell) does not read `device`: it runs without this check."""
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
    return


@app.cell
def _():
    frame = render(torch.rand(16, 3))
    frame.shape
    return


if __name__ == "__main__":
    app.run()
