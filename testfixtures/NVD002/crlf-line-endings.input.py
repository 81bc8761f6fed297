"""Mesure de bande passante PCIe

Copie des tenseurs hôte → GPU avec et sans mémoire épinglée.

Auteur : Équipe GPU
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
