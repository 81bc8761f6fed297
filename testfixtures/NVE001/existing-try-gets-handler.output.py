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
    model = torch.nn.Conv2d(3, 64, 3).cuda().eval()
    loader = [torch.randn(256, 3, 512, 512) for _ in range(8)]
    return loader, model


@app.cell
def _(loader, model, torch):
    outputs = []
    with torch.no_grad():
        for batch in loader:
            try:
                outputs.append(model(batch.cuda()).mean().item())
            except Exception as e:
                print(f"skipped a batch: {e}")
    outputs
    return


@app.cell
def _(mo, torch):
    try:
        big = torch.ones(32768, 32768, device="cuda")
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _free_bytes, _total_bytes = torch.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {torch.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Allocate smaller tensors
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    finally:
        print("allocation attempted")
    return


if __name__ == "__main__":
    app.run()
