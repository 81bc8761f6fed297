import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as ui
    from marimo import md
    return md, ui


@app.cell
def _(md, ui):
    ui.vstack([
        md("🚫 Downloads are disabled " "on this cluster.").callout(kind="danger"),
        ui.md(text="> **⚠️ Note** the dataset is 40 GB.").callout(kind="warn"),
        ui.md("Error: " + "the checkpoint is missing.").callout(kind="danger"),
        ui.md("⚠️ {free} GB free").batch(free=ui.ui.number(value=4)),
    ])
    return


if __name__ == "__main__":
    app.run()
