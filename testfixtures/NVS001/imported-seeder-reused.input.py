import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from transformers import set_seed

    return (torch,)


@app.cell
def _(torch):
    noise = torch.randn(1, 4, 64, 64)
    return (noise,)


@app.cell
def _(noise):
    noise.std()
    return


if __name__ == "__main__":
    app.run()
