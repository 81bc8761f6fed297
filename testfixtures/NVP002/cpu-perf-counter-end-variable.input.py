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
def _(mo, time, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    a = torch.randn(64, 64, device=device)
    b = torch.randn(64, 64, device=device)
    t0 = time.perf_counter()
    for _ in range(10):
        c = a @ b
    t1 = time.perf_counter()
    ms = (t1 - t0) * 1000 / 10
    mo.md(f"64×64 matmul on **{device}**: {ms:.3f} ms")
    return


if __name__ == "__main__":
    app.run()
