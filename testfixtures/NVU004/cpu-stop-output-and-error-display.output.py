import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    mo.stop(
        device == "mps",
        mo.md("⚠️ **Apple GPUs are not supported**: this notebook needs CUDA or the CPU.").callout(kind="warn"),
    )
    _free_gb = torch.cuda.mem_get_info()[0] / 1e9 if device == "cuda" else 64.0
    mo.md(f"""
    ✅ Running on **{device}** with {_free_gb:.0f} GB available
    """)
    return (device,)


@app.cell
def _(device):
    try:
        _weights = torch.randn(4, 4, device=device)
        _inverse = torch.linalg.inv(_weights)
        report = mo.md(f"Condition number: **{torch.linalg.cond(_weights).item():.1f}**")
    except RuntimeError as e:
        report = mo.md(f"❌ **Inversion failed**: {e}").callout(kind="danger")
    report
    return


@app.cell
def _(device):
    _batch = 8 if device == "cpu" else 256
    mo.vstack([
        mo.md(f"Batch size: **{_batch}**"),
        mo.md(
            """
            **Warning**: batches above 512 do not fit on 16 GB cards.
            """
        ).callout(kind="warn"),
    ])
    return


if __name__ == "__main__":
    app.run()
