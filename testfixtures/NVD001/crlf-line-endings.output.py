"""TODO: Title describing the notebook's purpose

TODO: Describe in 2-3 sentences what this notebook does, on which data or model,
and what the user sees or learns.

Features:
- TODO: the notebook's main capabilities, one per line

Requirements:
- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+
- CUDA TODO+ and NVIDIA driver TODO+
- PyTorch
- TODO: downloads (models, data sets) and their size

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
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(mo):
    mo.md(r"""# Mesure de la bande passante PCIe""")
    return


@app.cell
def _(torch):
    _host = torch.empty(1 << 20, pin_memory=torch.cuda.is_available())
    _host.numel()
    return


if __name__ == "__main__":
    app.run()
