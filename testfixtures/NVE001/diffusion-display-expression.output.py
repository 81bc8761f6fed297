"""Stable Diffusion playground: one image per click."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")


@app.cell
def _():
    import marimo as mo
    import torch
    from diffusers import StableDiffusionPipeline

    return StableDiffusionPipeline, mo, torch


@app.cell
def _(StableDiffusionPipeline, torch):
    pipe = StableDiffusionPipeline.from_pretrained(
        "stable-diffusion-v1-5/stable-diffusion-v1-5", torch_dtype=torch.float16
    )
    pipe = pipe.to("cuda")
    return (pipe,)


@app.cell
def _(mo):
    prompt = mo.ui.text(value="a lighthouse at dawn, watercolor", label="Prompt")
    steps = mo.ui.slider(10, 100, value=25, label="Steps")
    mo.hstack([prompt, steps])
    return prompt, steps


@app.cell
def _(mo, pipe, prompt, steps, torch):
    _result = prompt.value.strip() or "a lighthouse"
    try:
        _result_2 = pipe(_result, num_inference_steps=steps.value, height=768, width=768).images[0]
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
    _result_2
    return


if __name__ == "__main__":
    app.run()
