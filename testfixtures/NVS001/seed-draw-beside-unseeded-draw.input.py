import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import random
    import torch
    from transformers import pipeline, set_seed

    return mo, pipeline, random, set_seed, torch


@app.cell
def _(mo):
    fresh_seed = mo.ui.switch(label="New seed on every run", value=True)
    temperature = mo.ui.slider(0.1, 1.5, value=0.8, step=0.1, label="Temperature")
    mo.hstack([fresh_seed, temperature])
    return fresh_seed, temperature


@app.cell
def _(pipeline):
    generator = pipeline("text-generation", model="gpt2", device_map="auto")
    return (generator,)


@app.cell
def _(fresh_seed, generator, set_seed, temperature, torch):
    """Samples a story; the seed is drawn anew when the switch is on."""
    _seed = torch.randint(0, 2**31 - 1, (1,)).item() if fresh_seed.value else 0
    set_seed(_seed)
    story = generator("Once upon a time", do_sample=True, temperature=temperature.value)[0]["generated_text"]
    story
    return


@app.cell
def _(random, torch):
    def dream(steps: int):
        """Random walk in latent space from a freshly drawn starting point."""
        torch.manual_seed(random.randint(0, 10_000))
        start = torch.randn(8)
        jitter = random.gauss(0.0, 0.1)
        return [start + jitter * step for step in range(steps)]

    return (dream,)


@app.cell
def _(dream):
    walk = dream(4)
    len(walk)
    return


@app.cell
def _(fresh_seed, random, torch):
    _noise_seed = random.randint(0, 10_000) if fresh_seed.value else 7
    _noise_generator = torch.Generator().manual_seed(_noise_seed)
    noise = torch.randn(16, generator=_noise_generator)
    dropout_mask = torch.rand(16) > 0.1
    (noise * dropout_mask).sum()
    return


@app.cell
def _(random):
    lucky_number = random.randint(1, 100)
    lucky_number
    return


if __name__ == "__main__":
    app.run()
