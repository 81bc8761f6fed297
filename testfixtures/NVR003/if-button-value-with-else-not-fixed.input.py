import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    from huggingface_hub import snapshot_download


@app.cell
def _():
    fetch = mo.ui.run_button(label="Download weights")
    fetch
    return (fetch,)


@app.cell
def _(fetch):
    if fetch.value:
        weights_dir = snapshot_download("stabilityai/sdxl-turbo")
    else:
        weights_dir = None
    return


if __name__ == "__main__":
    app.run()
