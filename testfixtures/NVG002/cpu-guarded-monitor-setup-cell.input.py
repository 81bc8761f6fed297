"""Matrix multiplication playground (GPU when available)."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell(hide_code=True)
def _():
    mo.md("""
    # ✖️ Matmul playground

    Pick a size and multiply two matrices of ones.
    """)
    return


@app.cell
def _():
    size = mo.ui.slider(16, 256, value=64, label="Matrix size")
    size
    return (size,)


@app.cell
def _(size):
    _device = "cuda" if torch.cuda.is_available() else "cpu"
    _a = torch.ones(size.value, size.value, device=_device)
    product = _a @ _a
    mo.md(f"trace = {product.trace().item():.0f} on `{_device}`")
    return


if __name__ == "__main__":
    app.run()
