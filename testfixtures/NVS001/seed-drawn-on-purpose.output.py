# /// script
# requires-python = ">=3.11"
# dependencies = [
#     "diffusers==0.31.0",
#     "marimo",
#     "numpy==2.1.3",
#     "torch==2.5.1",
# ]
# ///

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import random
    import torch
    from diffusers import DiffusionPipeline

    MAX_SEED = np.iinfo(np.int32).max
    return DiffusionPipeline, MAX_SEED, mo, np, random, torch


@app.cell
def _(mo):
    mo.md("""
    # Text to image

    Pick a seed to get the same image again, or tick **Randomize seed** for a new one on every run.
    """)
    return


@app.cell
def _(MAX_SEED, mo):
    prompt = mo.ui.text_area(value="An astronaut riding a green horse", label="Prompt")
    seed = mo.ui.slider(start=0, stop=MAX_SEED, value=0, label="Seed")
    randomize_seed = mo.ui.checkbox(label="Randomize seed", value=True)
    reroll_button = mo.ui.button(label="🎲 New noise seed")
    mo.vstack([prompt, mo.hstack([seed, randomize_seed, reroll_button])])
    return prompt, randomize_seed, reroll_button, seed


@app.cell
def _(np, random, seed, torch):
    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(seed.value)
    return (set_seed,)


@app.cell
def _(DiffusionPipeline, MAX_SEED, random, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    pipe = DiffusionPipeline.from_pretrained("stabilityai/sdxl-turbo", torch_dtype=torch.float16).to(device)


    def infer(prompt, seed, randomize_seed, steps=2):
        """Generates one image; returns it with the seed it used."""
        if randomize_seed:
            seed = random.randint(0, MAX_SEED)
        generator = torch.Generator().manual_seed(seed)
        image = pipe(prompt=prompt, num_inference_steps=steps, generator=generator).images[0]
        return image, seed

    return (infer,)


@app.cell
def _(infer, prompt, randomize_seed, seed):
    image, used_seed = infer(prompt.value, seed.value, randomize_seed.value)
    image
    return (used_seed,)


@app.cell
def _(mo, used_seed):
    mo.md(f"Seed used: `{used_seed}`")
    return


@app.cell
def _(MAX_SEED, np, reroll_button):
    reroll_button
    # A new seed for the noise preview on every click.
    noise_seed = int(np.random.randint(0, MAX_SEED))
    return (noise_seed,)


@app.cell
def _(noise_seed, torch):
    torch.manual_seed(noise_seed)
    preview_noise = torch.randn(1, 4, 64, 64)
    preview_noise.std()
    return


@app.cell
def _(MAX_SEED, np, random, randomize_seed, seed):
    _seed = random.randint(0, MAX_SEED) if randomize_seed.value else seed.value
    rng = np.random.default_rng(_seed)
    jitter = rng.normal(0.0, 0.05, size=8)
    return


@app.cell
def _(seed, set_seed, torch):
    set_seed(seed.value)
    latents = torch.randn(1, 4, 64, 64)
    latents.shape
    return


if __name__ == "__main__":
    app.run()
