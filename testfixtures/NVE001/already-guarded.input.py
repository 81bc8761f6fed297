import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    try:
        a = torch.randn(8192, 8192, device="cuda")
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        mo.stop(True, mo.md("❌ OOM").callout(kind="danger"))
    return (a,)


@app.cell
def _(a):
    try:
        _b = torch.empty(16384, 16384, device="cuda")
        (a @ a).sum().backward()
    except (torch.cuda.OutOfMemoryError, ValueError):
        torch.cuda.empty_cache()
        mo.stop(True, mo.md("Out of GPU memory").callout(kind="danger"))
    return


@app.cell
def _(a):
    try:
        (a * 2).sum().backward()
    except torch.OutOfMemoryError:
        mo.stop(True, mo.md("Out of GPU memory").callout(kind="danger"))
    return


@app.cell
def _(a):
    try:
        torch.zeros(65536, 65536, device="cuda")
    except RuntimeError as e:
        if "out of memory" in str(e):
            torch.cuda.empty_cache()
            mo.stop(True, mo.md("Out of GPU memory").callout(kind="danger"))
        raise
    return


@app.cell
def _():
    def safe_gpu_operation(size: int):
        """Perform operation with OOM protection"""
        try:
            tensor = torch.randn(size, size, device="cuda")
            return torch.matmul(tensor, tensor)
        except torch.cuda.OutOfMemoryError:
            torch.cuda.empty_cache()
            mo.stop(True, mo.md("❌ **GPU Out of Memory**").callout(kind="danger"))

    return (safe_gpu_operation,)


@app.cell
def _(safe_gpu_operation):
    safe_gpu_operation(8192)
    return


if __name__ == "__main__":
    app.run()
