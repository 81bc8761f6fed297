import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo, torch):
    # TODO: time this with time.perf_counter() and compare with the CPU
    _a = torch.ones(2048, 2048).cuda()
    _b = _a @ _a
    mo.md(f"checksum: {_b.sum().item():.0f}")
    return


if __name__ == "__main__":
    app.run()
