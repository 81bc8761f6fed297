import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import numpy as np
    import marimo as mo
    import torch

    return mo, np, torch


@app.cell
def _(mo, np, torch):
    weights = np.random.default_rng(0).standard_normal((64, 64)).astype(np.float32)
    layer = torch.nn.Linear(64, 64).cuda()
    layer.weight.data = torch.from_numpy(weights).cuda()
    optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
    try:
        for _ in range(100):
            layer(torch.randn(8192, 64, device="cuda")).sum().backward()
            optimizer.step()
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
                    - Train in mixed precision (`torch.autocast`), or on fewer samples at a time
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    return


if __name__ == "__main__":
    app.run()
