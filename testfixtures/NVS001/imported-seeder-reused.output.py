import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from transformers import set_seed

    return set_seed, torch


@app.cell
def _(set_seed):
    seed = 42
    set_seed(seed)
    return (seed,)


@app.cell
def _(seed, set_seed, torch):
    set_seed(seed)
    noise = torch.randn(1, 4, 64, 64)
    return (noise,)


@app.cell
def _(noise):
    noise.std()
    return


if __name__ == "__main__":
    app.run()
