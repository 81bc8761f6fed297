"""Mesure de bande passante PCIe

Copie des tenseurs hôte → GPU avec et sans mémoire épinglée.

Features:
- TODO: the notebook's main capabilities, one per line

Requirements:
- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+
- CUDA TODO+ and NVIDIA driver TODO+
- PyTorch
- TODO: downloads (models, data sets) and their size

Tested configurations:
- TODO: OS + GPU (VRAM) + CUDA version, e.g. Ubuntu 22.04 + L4 (24GB) + CUDA 12.4

Auteur : Équipe GPU
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
    _host = torch.empty(1 << 20, pin_memory=torch.cuda.is_available())
    _host.numel()
    return


if __name__ == "__main__":
    app.run()
