# Demo notebook kept in the tutorials folder.

"""torch.compile warm-up timings

TODO: Describe in 2-3 sentences what this notebook does, on which data or model,
and what the user sees or learns.

Features:
- Interactive controls: Samples (slider)
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

with app.setup:
    import marimo as mo
    import torch


@app.function
def make_inputs(n: int) -> torch.Tensor:
    """Random inputs on the available device."""
    device = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.randn(n, 4, device=device)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # `torch.compile` warm-up **timings**
    """)
    return


@app.cell
def _():
    samples = mo.ui.slider(2, 16, value=4, label="Samples")
    samples
    return (samples,)


@app.cell
def _(samples):
    _x = make_inputs(samples.value)
    print(tuple(_x.shape))
    return


if __name__ == "__main__":
    app.run()
