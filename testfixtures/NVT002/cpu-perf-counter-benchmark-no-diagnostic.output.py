import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from time import perf_counter as clock


@app.function
def seconds_per_matmul(size: int, device: str, repeats: int = 3) -> float:
    """Average seconds per (size × size) matmul; synchronizes before each clock read."""
    lhs = torch.ones(size, size, device=device)
    torch.matmul(lhs, lhs)
    if device == "cuda":
        torch.cuda.synchronize()
    start = clock()
    for _ in range(repeats):
        torch.matmul(lhs, lhs)
    if device == "cuda":
        torch.cuda.synchronize()
    return (clock() - start) / repeats


@app.cell
def _():
    _cpu = seconds_per_matmul(64, "cpu")
    _gpu = seconds_per_matmul(64, "cuda") if torch.cuda.is_available() else None
    mo.md(f"CPU: {_cpu * 1e3:.2f} ms" + (f", GPU: {_gpu * 1e3:.2f} ms" if _gpu else ""))
    return


if __name__ == "__main__":
    app.run()
