import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import torch


@app.function
def benchmark_matmul(size: int, repeats: int = 3) -> float:
    """
    Average seconds per (size × size) matrix multiplication.

    CUDA kernels run asynchronously, so the clock is read after synchronizing.
    """
    import time

    a = torch.randn(size, size)
    start = time.perf_counter()
    for _ in range(repeats):
        a @ a
    return (time.perf_counter() - start) / repeats


@app.cell
def _():
    def describe(seconds: float) -> str:
        r"""Format seconds as milliseconds (µs precision)."""
        return f"{seconds * 1e3:.3f} ms"

    describe(benchmark_matmul(64))
    return


if __name__ == "__main__":
    app.run()
