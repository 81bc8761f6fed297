import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo, torch):
    """GPU detection and validation: every GPU cell depends on `device`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.callout(mo.md("⚠️ **No NVIDIA GPU detected**: run this on a CUDA machine."), kind="danger"),
    )
    device = torch.device("cuda:0")
    mo.md(f"✅ **GPU detected**: {torch.cuda.get_device_name(device)}").callout(kind="success")
    return (device,)


@app.cell
def _(mo):
    memory_refresh = mo.ui.refresh(options=["1s", "2s", "5s"], default_interval="2s")
    return (memory_refresh,)


@app.cell
def _(device, memory_refresh, mo, torch):
    """Real-time GPU memory monitor: re-runs on every tick of `memory_refresh`."""
    _props = torch.cuda.get_device_properties(device)
    _allocated_gb = torch.cuda.memory_allocated(device) / 1e9
    _reserved_gb = torch.cuda.memory_reserved(device) / 1e9
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
def _(device, torch):
    encoder = torch.nn.TransformerEncoder(
        torch.nn.TransformerEncoderLayer(d_model=256, nhead=8, batch_first=True), num_layers=4
    ).to(device)
    return (encoder,)


if __name__ == "__main__":
    app.run()
