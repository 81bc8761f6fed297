"""GPU matmul and host-to-device transfer micro-benchmarks.

Runs the timings in worker threads with asyncio so the notebook stays responsive,
and polls nvidia-smi for the GPU temperature while it works.
"""

import marimo

__generated_with = "0.13.6"
app = marimo.App()


@app.cell
def _():
    import asyncio
    import time

    import altair as alt
    import marimo as mo
    import pandas as pd
    import torch

    return alt, asyncio, mo, pd, time, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # Async GPU benchmark ⏱️

    Each benchmark runs in a thread via `asyncio.to_thread`, so the UI keeps updating.
    Times are reported in ms (µs for the small sizes).
    """)
    return


@app.cell
def _(torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    device
    return (device,)


@app.cell
def _(mo):
    sizes = mo.ui.multiselect(
        options=["256", "512", "1024", "2048", "4096"],
        value=["512", "1024", "2048"],
        label="Matrix sizes",
    )
    repeats = mo.ui.slider(1, 50, value=10, label="Repeats")
    mo.hstack([sizes, repeats])
    return repeats, sizes


@app.cell
def _(time, torch):
    def time_matmul(n, device, repeats):
        a = torch.randn(n, n, device=device)
        b = torch.randn(n, n, device=device)
        start = time.time()
        for _ in range(repeats):
            c = a @ b
        return (time.time() - start) / repeats

    return (time_matmul,)


@app.cell
async def _(asyncio, device, pd, repeats, sizes, time_matmul):
    rows = []
    for n in sorted(int(s) for s in sizes.value):
        cpu_s = await asyncio.to_thread(time_matmul, n, "cpu", repeats.value)
        gpu_s = await asyncio.to_thread(time_matmul, n, device, repeats.value)
        rows.append({"n": n, "cpu_ms": cpu_s * 1e3, "gpu_ms": gpu_s * 1e3})
    results = pd.DataFrame(rows)
    results["speedup"] = results.cpu_ms / results.gpu_ms
    results
    return (results,)


@app.cell
def _(alt, mo, results):
    chart = (
        alt.Chart(results.melt(id_vars="n", value_vars=["cpu_ms", "gpu_ms"]))
        .mark_line(point=True)
        .encode(x="n:O", y=alt.Y("value:Q", scale=alt.Scale(type="log")), color="variable")
    )
    mo.ui.altair_chart(chart)
    return


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## Host → device transfers

    Twenty ImageNet-sized batches, copied one at a time and pushed through a conv layer —
    the usual pattern in a training loop.
    """)
    return


@app.cell
def _(device, time, torch):
    conv = torch.nn.Conv2d(3, 64, kernel_size=7, stride=2).to(device)
    batches = [torch.randn(64, 3, 224, 224) for _ in range(20)]

    t_start = time.time()
    for batch in batches:
        batch = batch.to(device)
        out = conv(batch)
    transfer_s = time.time() - t_start
    f"{transfer_s * 1e3:.1f} ms for {len(batches)} batches — {transfer_s / len(batches) * 1e6:.0f} µs each"
    return


@app.cell
async def _(asyncio, mo):
    proc = await asyncio.create_subprocess_exec(
        "nvidia-smi",
        "--query-gpu=temperature.gpu,utilization.gpu",
        "--format=csv,noheader,nounits",
        stdout=asyncio.subprocess.PIPE,
    )
    stdout, _ = await proc.communicate()
    temp_c, util = stdout.decode().strip().split(", ")
    mo.md(f"GPU temperature: **{temp_c} °C**, utilisation **{util} %**")
    return


if __name__ == "__main__":
    app.run()
