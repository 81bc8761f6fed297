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
    try:
        # Mémoire : ~1 Go en float32
        grid = torch.rand(16384, 16384, device="cuda")
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
    grid.mean()
    return


if __name__ == "__main__":
    app.run()
