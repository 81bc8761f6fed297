import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## ⚠️ Common pitfalls

    Error bars below show one standard deviation. Warnings in this notebook are shown as callouts.
    """)
    return


@app.cell
def _(mo, torch):
    _ok = torch.ones(2).sum().item() == 2
    mo.callout(mo.md("❌ **Sanity check failed**"), kind="danger") if not _ok else mo.md(
        "⚠️ Running on the CPU: expect slow epochs."
    ).callout(kind="warn")
    return


@app.cell
def _(mo):
    _note = mo.md("**Caution**: the cache grows with every run.")
    _note.callout(kind="warn")
    return


@app.cell
def _(mo):
    mo.vstack([
        mo.md("❗ Restart the kernel after upgrading PyTorch."),
        mo.md("Error analysis follows."),
    ]).callout(kind="warn")
    return


@app.cell
def _(mo):
    mo.md("**Error rate**: 3.2 % of the validation set. Warnings: none.")
    return


if __name__ == "__main__":
    app.run()
