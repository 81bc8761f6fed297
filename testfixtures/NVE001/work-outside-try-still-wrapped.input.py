"""Text-to-image, then a best-effort upscale."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from diffusers import StableDiffusionPipeline, StableDiffusionUpscalePipeline

    return StableDiffusionPipeline, StableDiffusionUpscalePipeline, mo, torch


@app.cell
def _(StableDiffusionPipeline, StableDiffusionUpscalePipeline, torch):
    pipe = StableDiffusionPipeline.from_pretrained(
        "stable-diffusion-v1-5/stable-diffusion-v1-5", torch_dtype=torch.float16
    ).to("cuda")
    upscaler = StableDiffusionUpscalePipeline.from_pretrained(
        "stabilityai/stable-diffusion-x4-upscaler", torch_dtype=torch.float16
    ).to("cuda")
    return pipe, upscaler


@app.cell
def _(mo):
    prompt = mo.ui.text(value="a lighthouse at dawn, watercolor", label="Prompt")
    regenerate = mo.ui.run_button(label="Generate")
    mo.hstack([prompt, regenerate])
    return prompt, regenerate


@app.cell
def _(mo, pipe, prompt, regenerate, upscaler):
    mo.stop(not regenerate.value, mo.md("Click **Generate** to start"))
    if prompt.value.strip():
        # The image itself: nothing to fall back to.
        image = pipe(prompt.value, num_inference_steps=30).images[0]
        # The upscale is optional: on any failure keep the small image.
        try:
            image = upscaler(prompt=prompt.value, image=image, num_inference_steps=20).images[0]
        except Exception as _up_err:
            print("upscale warning (trying a smaller input):", _up_err)
            image = upscaler(prompt=prompt.value, image=image.resize((256, 256)), num_inference_steps=10).images[0]
    else:
        image = None
    image
    return


if __name__ == "__main__":
    app.run()
