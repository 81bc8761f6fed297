import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    from time import time

    import marimo as mo
    import torch

    return mo, time, torch


@app.cell
def _(mo, time, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    x = torch.randn(128, 128, device=device)
    _start = time()
    y = torch.relu(x @ x)
    _seconds = time() - _start
    mo.md(f"ReLU(x @ x): {_seconds * 1e3:.3f} ms")
    return


@app.cell
def _(mo, torch):
    from time import perf_counter as _perf
    from time import time as _now

    _t = _now()
    z = torch.ones(32, device="cuda" if torch.cuda.is_available() else "cpu").cumsum(0)
    _dt = _now() - _t
    _u = _perf()
    w = z * 2
    mo.md(f"cumsum {_dt:.6f} s, scale {_perf() - _u:.6f} s")
    return


if __name__ == "__main__":
    app.run()
