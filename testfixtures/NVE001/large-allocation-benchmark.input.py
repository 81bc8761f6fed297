import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import time

    import marimo as mo
    import torch

    return mo, time, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md("""
    ## Matmul throughput

    Multiplies two 8192 × 8192 matrices in FP16 and reports TFLOPS.
    """)
    return


@app.cell
def _(time, torch):
    a = torch.randn(8192, 8192, device="cuda", dtype=torch.float16)
    b = torch.randn(8192, 8192, device="cuda", dtype=torch.float16)
    torch.cuda.synchronize()
    start = time.perf_counter()
    c = a @ b
    torch.cuda.synchronize()
    elapsed = time.perf_counter() - start
    tflops = 2 * 8192**3 / elapsed / 1e12
    f"{tflops:.1f} TFLOPS"
    return


@app.cell
def _(torch):
    # small tensors are fine
    probe = torch.zeros(1024, 1024, device="cuda")
    workspace = torch.empty((4096, 4096)).to("cuda")
    host_buffer = torch.empty(16384, 16384, device="cpu")
    probe.sum() + workspace.sum() + host_buffer.sum()
    return


@app.cell
def _(torch):
    scratch = torch.zeros((2**14, 2**13), dtype=torch.uint8).cuda()
    scratch.numel()
    return


if __name__ == "__main__":
    app.run()
