#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Matrix multiplication throughput — CPU vs GPU.

Measures how many GFLOP/s `torch.matmul` reaches on the available device.
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import os
    import time
    from collections import OrderedDict

    import marimo as mo
    import numpy as np
    import torch as t
    from numpy import linalg


@app.function
def matmul_seconds(size: int, device: str, repeats: int = 3) -> float:
    """Average seconds per `size × size` matmul on `device`."""
    lhs = t.ones(size, size, device=device)
    start = time.perf_counter()
    for _ in range(repeats):
        t.matmul(lhs, lhs)
    if device == "cuda":
        t.cuda.synchronize()
    return (time.perf_counter() - start) / repeats


@app.cell
def _():
    device = "cuda" if t.cuda.is_available() else "cpu"
    _results = OrderedDict(
        (size, 2 * size**3 / matmul_seconds(size, device) / 1e9) for size in (16, 32)
    )
    _norm = linalg.norm(np.ones(4))
    mo.md(
        "\n".join(f"- {size}: **{gflops:.2f} GFLOP/s**" for size, gflops in _results.items())
        + f"\n\nRunning on `{device}`, pid {os.getpid()}, check {_norm:.0f}"
    )
    return


if __name__ == "__main__":
    app.run()
