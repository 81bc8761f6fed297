import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    from time import time, perf_counter

    import marimo as mo
    import torch

    return mo, perf_counter, time, torch


@app.cell
def _(time):
    created_at = time()  # a timestamp, not an interval: `time` stays imported
    return (created_at,)


@app.cell
def _(created_at, mo, perf_counter, torch):
    _start = perf_counter()
    _out = torch.nn.functional.gelu(torch.randn(2048, 2048, device="cuda"))
    torch.cuda.synchronize()  # wait for the queued GPU kernels before reading the clock
    _elapsed = perf_counter() - _start
    mo.md(f"GELU took {_elapsed:.4f} s; notebook started at {created_at:.0f}")
    return


if __name__ == "__main__":
    app.run()
