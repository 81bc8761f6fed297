import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.function
def test_matmul_shape() -> None:
    """Run with pytest: the product of (2, 3) and (3, 4) is (2, 4)."""
    _device = "cuda" if torch.cuda.is_available() else "cpu"
    assert (torch.ones(2, 3, device=_device) @ torch.ones(3, 4, device=_device)).shape == (2, 4)


@app.cell
def _():
    test_matmul_shape()
    mo.md("✅ shapes check out").callout(kind="success")
    return


if __name__ == "__main__":
    app.run()
