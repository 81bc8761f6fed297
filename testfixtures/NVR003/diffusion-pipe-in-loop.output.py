import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")

with app.setup:
    import marimo as mo
    import torch
    from diffusers import StableDiffusionPipeline


@app.cell
def _():
    # A checkpoint on the local disk: nothing to download.
    pipe = StableDiffusionPipeline.from_single_file(
        "models/v2-1_512-ema-pruned.safetensors", torch_dtype=torch.float16
    ).to("cuda")
    return (pipe,)


@app.cell
def _():
    prompts = mo.ui.text_area(value="a watercolor fox\na neon city at night", label="Prompts (one per line)")
    prompts
    return (prompts,)


@app.cell
def _():
    generate_button = mo.ui.run_button(label="✨ Generate")
    generate_button
    return (generate_button,)


@app.cell
def _(generate_button, pipe, prompts):
    mo.stop(not generate_button.value, mo.md("Click **Generate** to start generating"))

    images = []
    for _prompt in prompts.value.splitlines():
        images.append(pipe(_prompt, num_inference_steps=30).images[0])
    mo.hstack([mo.image(_img) for _img in images])
    return


if __name__ == "__main__":
    app.run()
