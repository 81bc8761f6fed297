import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import marimo as mo
	import torch

	return mo, torch


@app.cell
def _(mo):
    memory_refresh_2 = mo.ui.refresh(options=["1s", "2s", "5s"], default_interval="2s")
    return (memory_refresh_2,)


@app.cell
def _(memory_refresh_2, mo, torch):
    """Real-time GPU memory monitor: re-runs on every tick of `memory_refresh_2`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.md("⚠️ **No NVIDIA GPU detected**: the memory monitor needs CUDA.").callout(kind="warn"),
    )
    _props = torch.cuda.get_device_properties(0)
    _allocated_gb = torch.cuda.memory_allocated(0) / 1e9
    _reserved_gb = torch.cuda.memory_reserved(0) / 1e9
    _total_gb = _props.total_memory / 1e9
    mo.vstack([
        mo.hstack([mo.md("### 📊 GPU memory"), memory_refresh_2]),
        mo.hstack([
            mo.stat(f"{_allocated_gb:.2f} GB", label="Allocated", caption="live tensors"),
            mo.stat(f"{_reserved_gb:.2f} GB", label="Reserved", caption="PyTorch's cache"),
            mo.stat(f"{_total_gb:.1f} GB", label="Total", caption=_props.name),
            mo.stat(f"{100 * _allocated_gb / _total_gb:.1f} %", label="Used by tensors"),
        ]),
    ])
    return


@app.cell
def _(mo):
	memory_refresh = mo.ui.button(label="Refresh memory")
	memory_refresh
	return (memory_refresh,)


@app.cell
def _(torch):
	if torch.cuda.device_count() > 1:
		model = torch.nn.DataParallel(torch.nn.Linear(8, 8)).cuda()
	else:
		model = torch.nn.Linear(8, 8).cuda()
	return (model,)


if __name__ == "__main__":
	app.run()
