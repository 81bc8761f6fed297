import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch as t

    return mo, t


@app.cell(hide_code=True)
def _(mo, t):
    model = t.nn.Sequential(t.nn.Linear(4096, 4096), t.nn.ReLU(), t.nn.Linear(4096, 10)).cuda()
    opt = t.optim.SGD(model.parameters(), lr=0.1)
    try:
        x = t.randn(65536, 4096, device="cuda")
    except t.cuda.OutOfMemoryError:
        t.cuda.empty_cache()
        _free_bytes, _total_bytes = t.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {t.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Allocate smaller tensors
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    y = t.randint(0, 10, (65536,), device="cuda")
    return model, opt, x, y


@app.cell(hide_code=True)
def _(mo, model, opt, t, x, y):
    try:
        for _step in range(100):
            opt.zero_grad()
            t.nn.functional.cross_entropy(model(x), y).backward()
            opt.step()
    except t.cuda.OutOfMemoryError:
        t.cuda.empty_cache()
        _free_bytes, _total_bytes = t.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {t.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

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
