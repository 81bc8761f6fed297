import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import time

    import marimo as mo
    import numpy as np
    import torch


@app.function
def benchmark_matmul(size: int, device: str) -> float:
    """Seconds per (size × size) matrix product, measured the way the guide shows."""
    a = torch.randn(size, size, device=device)
    b = torch.randn(size, size, device=device)
    start = time.time()
    for _ in range(5):
        c = torch.matmul(a, b)
    if device == "cuda":
        torch.cuda.synchronize()
    return (time.time() - start) / 5


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    # the host read of the result waits for the GPU before the clock is read
    _start = time.perf_counter()
    _total = torch.ones(1000, device=device).sum().item()
    _gpu_seconds = time.perf_counter() - _start
    # NumPy only: nothing to synchronise
    _t0 = time.perf_counter()
    np.linalg.inv(np.eye(50))
    _cpu_seconds = time.perf_counter() - _t0
    mo.md(f"{benchmark_matmul(32, device):.5f} s; {_gpu_seconds:.5f} s; {_cpu_seconds:.5f} s")
    return


if __name__ == "__main__":
    app.run()
