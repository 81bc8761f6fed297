import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo

    return (mo,)


@app.cell
def _(mo):
    confirm = mo.ui.checkbox(label="I understand this downloads 14 GB")
    start = mo.ui.run_button(label="Download weights")
    mo.hstack([confirm, start])
    return confirm, start


@app.cell
def _(confirm, mo, start):
    mo.stop(not start.value, mo.md("Click **Download weights** to begin."))
    mo.stop(not confirm.value, mo.md("❌ Cancelled: tick the box to confirm the download."))
    weights_path = "/tmp/weights.safetensors"
    return (weights_path,)


@app.cell
def _(mo, weights_path):
    _missing = not weights_path.endswith(".safetensors")
    mo.md("🛑 **Download aborted** by the user") if _missing else mo.md(f"❌ **Checksum failed** for `{weights_path}`")
    return


if __name__ == "__main__":
    app.run()
