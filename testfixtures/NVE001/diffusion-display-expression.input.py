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
def _(pipe, prompt, steps):
    _result = prompt.value.strip() or "a lighthouse"
    pipe(_result, num_inference_steps=steps.value, height=768, width=768).images[0]
    return


if __name__ == "__main__":
    app.run()
