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
