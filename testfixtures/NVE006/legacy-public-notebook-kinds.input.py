import marimo

__generated_with = "0.9.14"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def __(mo, torch):
    if torch.cuda.is_available():
        status = mo.md("GPU detected").callout(kind="success")
    else:
        status = mo.callout(mo.md("**No GPU**: training will be slow"), kind="alert")
    status
    return (status,)


@app.cell
def __(mo):
    mo.md("> **Note**: older notebooks wrote `kind=\"warning\"` here.").callout(kind="note")
    return


@app.cell
def __(mo):
    # A kind marimo never had: reported, not guessed
    mo.callout(mo.md("Custom"), kind="primary")
    return


@app.cell
def __(mo):
    mo.callout(mo.md("Batch too large"), "WARNING")
    return


@app.cell
def __(mo):
    mo.md("Disk almost full").callout(kind='Warning')
    return


if __name__ == "__main__":
    app.run()
