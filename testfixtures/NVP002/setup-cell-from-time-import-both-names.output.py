import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    from time import perf_counter, time

    import cupy as cp
    import marimo as mo
    import torch


@app.cell
def _():
    _a = cp.random.rand(4096, 4096, dtype=cp.float32)
    _t0 = perf_counter()
    _b = _a @ _a
    cp.cuda.Device().synchronize()  # wait for the queued GPU kernels before reading the clock
    _t1 = perf_counter()
    _calibration = perf_counter()
    mo.md(f"CuPy matmul: {_t1 - _t0:.3f} s")
    return


if __name__ == "__main__":
    app.run()
