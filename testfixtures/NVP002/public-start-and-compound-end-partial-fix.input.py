import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import time

    import marimo as mo
    import torch

    return mo, time, torch


@app.cell
def _(time, torch):
    start_time = time.time()
    weights = torch.randn(4096, 4096, device="cuda")
    weights = weights @ weights.T
    load_seconds = time.time() - start_time
    return load_seconds, start_time


@app.cell
def _(load_seconds, mo, start_time, time, torch):
    mo.md(f"Started at {time.ctime(start_time)}, setup took {load_seconds:.1f} s")
    _begin = time.perf_counter()
    _x = torch.randn(1024, device="cuda").exp()
    if time.perf_counter() - _begin > 1.0:
        print("slow GPU")
    return


if __name__ == "__main__":
    app.run()
