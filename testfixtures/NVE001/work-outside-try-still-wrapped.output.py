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
def _(mo, pipe, prompt, regenerate, torch, upscaler):
    mo.stop(not regenerate.value, mo.md("Click **Generate** to start"))
    try:
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
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _free_bytes, _total_bytes = torch.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {torch.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Generate fewer or smaller outputs at once (fewer images, a lower resolution, fewer new tokens)
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    image
    return


if __name__ == "__main__":
    app.run()
