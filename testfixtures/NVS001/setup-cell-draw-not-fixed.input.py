import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch

    PROMPT_NOISE = torch.randn(4)


@app.cell
def _():
    mo.md(f"Noise: {PROMPT_NOISE.tolist()}")
    return


if __name__ == "__main__":
    app.run()
