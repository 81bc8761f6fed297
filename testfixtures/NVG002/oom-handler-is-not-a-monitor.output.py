import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch as th

    return mo, th


@app.cell
def _(mo):
    memory_refresh = mo.ui.refresh(options=["1s", "2s", "5s"], default_interval="2s")
    return (memory_refresh,)


@app.cell
def _(memory_refresh, mo, th):
    """Real-time GPU memory monitor: re-runs on every tick of `memory_refresh`."""
    mo.stop(
        not th.cuda.is_available(),
        mo.md("⚠️ **No NVIDIA GPU detected**: the memory monitor needs CUDA.").callout(kind="warn"),
    )
    _props = th.cuda.get_device_properties(0)
    _allocated_gb = th.cuda.memory_allocated(0) / 1e9
    _reserved_gb = th.cuda.memory_reserved(0) / 1e9
    _total_gb = _props.total_memory / 1e9
    mo.vstack([
        mo.hstack([mo.md("### 📊 GPU memory"), memory_refresh]),
        mo.hstack([
            mo.stat(f"{_allocated_gb:.2f} GB", label="Allocated", caption="live tensors"),
            mo.stat(f"{_reserved_gb:.2f} GB", label="Reserved", caption="PyTorch's cache"),
            mo.stat(f"{_total_gb:.1f} GB", label="Total", caption=_props.name),
            mo.stat(f"{100 * _allocated_gb / _total_gb:.1f} %", label="Used by tensors"),
        ]),
    ])
    return


@app.cell
def _(mo, th):
    try:
        activations = th.randn(8, 4096, 4096).cuda()
    except th.cuda.OutOfMemoryError:
        th.cuda.empty_cache()
        _free, _total = th.cuda.mem_get_info()
        mo.stop(True, mo.md(f"❌ Out of memory: {_free / 1e9:.1f} GB free").callout(kind="danger"))
    return (activations,)


if __name__ == "__main__":
    app.run()
