# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch>=2.4"]
# ///
"""GPU status banner: the invalid kinds only run on a machine with a GPU."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.function
def oom_banner(needed_gb: float):
    """Shown when an allocation does not fit (never called on a CPU-only machine)."""
    return mo.callout(
        mo.md(f"❌ **GPU out of memory**: {needed_gb:.1f} GB requested"),
        kind="error",
    )


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda":
        _name = torch.cuda.get_device_name(0)
        banner = mo.md(f"✅ Running on **{_name}**").callout(kind="tip")
    else:
        banner = mo.md("⚠️ No GPU found: running on the CPU (slower)").callout(kind="warn")
    banner
    return (device,)


@app.cell
def _(device):
    _x = torch.randn(4, 4, device=device)
    _ok = bool(torch.isfinite(_x @ _x).all())
    mo.md(f"Self-test on `{device}`").callout(kind="success" if _ok or device == "cpu" else "critical")
    return


if __name__ == "__main__":
    app.run()
