import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(mo):
    image_size = mo.ui.slider(64, 1024, step=64, value=512, label="Image size")
    guidance = mo.ui.slider(1.0, 15.0, step=0.5, value=7.5, label="Guidance", on_change=lambda g: print(f"guidance → {g}"))
    mo.hstack([image_size, guidance])
    return guidance, image_size


@app.cell
def _(image_size):
    # Runs whenever image_size changes (replaces on_change=lambda v: ...)
    print(f"image size → {image_size.value}px")
    return


@app.cell
def _(guidance, image_size, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    latents = torch.zeros(1, 4, image_size.value // 8, image_size.value // 8, device=device)
    print(latents.shape, guidance.value)
    return


if __name__ == "__main__":
    app.run()
