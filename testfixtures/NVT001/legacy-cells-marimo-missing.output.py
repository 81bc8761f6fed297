import marimo

__generated_with = "0.6.0"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def __(torch):
    scores = torch.tensor([0.1, 0.9]).cuda()
    return scores,


@app.cell
def _(mo, torch):
    """GPU self-test: device placement, a small tensor operation, shapes and memory release."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.md("⚠️ **No NVIDIA GPU detected**: the GPU self-test was skipped.").callout(kind="warn"),
    )
    _passed, _failed = [], []
    try:
        _lhs = torch.arange(12, dtype=torch.float32, device="cuda").reshape(3, 4)
        _product = _lhs @ _lhs.T
        _expected = torch.arange(12, dtype=torch.float32).reshape(3, 4)
        assert _product.device.type == "cuda", f"result on {_product.device}, expected cuda"
        assert _product.shape == (3, 3), f"shape {tuple(_product.shape)} != (3, 3)"
        assert torch.equal(_product.cpu(), _expected @ _expected.T), "GPU and CPU results differ"
        _passed.append("✅ Tensor operation: (3, 4) @ (4, 3) → (3, 3) on the GPU, same result as the CPU")
        _allocated = torch.cuda.memory_allocated()
        assert _allocated > 0, "no GPU memory allocated"
        del _lhs, _product
        torch.cuda.empty_cache()
        assert torch.cuda.memory_allocated() < _allocated, "GPU memory was not released after `del`"
        _passed.append("✅ Memory: allocations are visible and released after `del`")
    except AssertionError as e:
        _failed.append(f"❌ Self-test failed: {e}")

    mo.callout(
        mo.md("**GPU self-test**\n\n" + "\n".join(_passed + _failed)),
        kind="danger" if _failed else "success",
    )
    return


if __name__ == "__main__":
    app.run()
