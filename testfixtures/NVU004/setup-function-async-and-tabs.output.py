import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import asyncio

    import marimo as mo


@app.function
def gpu_status(available: bool) -> mo.Html:
    """Status line for the GPU check."""
    if available:
        return mo.md("✅ GPU ready")
    return mo.md("**Error**: no CUDA device found. Check `nvidia-smi`.").callout(kind="danger")


@app.cell
async def _():
    await asyncio.sleep(0)
    mo.md(
        """
        🛑 **Stop**: the previous run is still writing checkpoints.
        """
    ).callout(kind="danger")
    return


@app.cell
def _():
    _message = mo.md("⚠️ Mixed precision is disabled on this GPU.").callout(kind="warn")
    _message
    return


if __name__ == "__main__":
    app.run()
