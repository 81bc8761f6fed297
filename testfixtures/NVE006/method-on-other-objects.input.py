import marimo

__generated_with = "0.13.0"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from rich_cards import Card
    return Card, mo, torch


@app.cell
def _(mo, torch):
    gpu_note = mo.md(f"**{torch.cuda.device_count()}** GPU(s) visible")
    return (gpu_note,)


@app.cell
def _(gpu_note):
    # A name assigned only from marimo: marimo's Html, fixed
    gpu_note.callout(kind="warning")
    return


@app.cell
def _(mo):
    _status = mo.vstack([mo.md("## Training"), mo.md("Loss is NaN")]).center()
    _status.callout(kind="error")
    return


@app.cell
def _(Card):
    # Another library's card: reported, not rewritten
    Card("Checkpoint saved").callout(kind="error")
    return


@app.cell
def _(mo):
    def status_banner(ok):
        return mo.md("✅ Ready" if ok else "❌ Failed")

    for _banner in [status_banner(True), status_banner(False)]:
        _banner.callout(kind="alert")
    return (status_banner,)


@app.cell
def _(status_banner):
    _banner = status_banner(False)
    _banner.callout(kind="critical")
    return


if __name__ == "__main__":
    app.run()
