"""Tensor-core matmul benchmark

Measures FP16 and BF16 matrix multiplication throughput.

Features:
- Size sweep from 1k to 16k

Requirements:
- PyTorch with CUDA
- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+
- CUDA TODO+ and NVIDIA driver TODO+

Tested configurations:
- TODO: OS + GPU (VRAM) + CUDA version, e.g. Ubuntu 22.04 + L4 (24GB) + CUDA 12.4

Author: TODO
Date: TODO (YYYY-MM-DD)
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    _a = torch.randn(1024, 1024, device="cuda", dtype=torch.float16)
    (_a @ _a).float().mean().item()
    return


if __name__ == "__main__":
    app.run()
