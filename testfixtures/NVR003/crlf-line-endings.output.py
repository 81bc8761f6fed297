import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    from huggingface_hub import hf_hub_download
    return hf_hub_download, mo


@app.cell
def _(mo):
    download_button = mo.ui.run_button(label="📥 Download model")
    download_button
    return (download_button,)


@app.cell
def _(download_button, hf_hub_download, mo):
    mo.stop(not download_button.value, mo.md("Click **Download model** to start the download"))

    # Poids du modèle (≈ 5 Go)
    checkpoint = hf_hub_download("stabilityai/stable-diffusion-xl-base-1.0", "sd_xl_base_1.0.safetensors")
    return (checkpoint,)


@app.cell
def _(checkpoint, mo):
    mo.md(f"Checkpoint: `{checkpoint}`")
    return


if __name__ == "__main__":
    app.run()
