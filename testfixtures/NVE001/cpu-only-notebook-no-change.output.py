"""Linear regression with autograd — runs anywhere, no GPU needed."""

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
    torch.manual_seed(0)
    w = torch.zeros(3, requires_grad=True)
    x = torch.randn(32, 3)
    y = x @ torch.tensor([1.0, -2.0, 0.5])
    optimizer = torch.optim.SGD([w], lr=0.1)
    try:
        for _ in range(200):
            loss = ((x @ w - y) ** 2).mean()
            optimizer.zero_grad()
            loss.backward()
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
                    - Reduce the batch size, or train in mixed precision (`torch.autocast`)
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    mo.md(f"Learned weights: `{[round(v, 2) for v in w.tolist()]}`")
    return


if __name__ == "__main__":
    app.run()
