import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    scratch = torch.empty(16, device="cuda")
    return mo, scratch, torch


@app.cell
def _(scratch, torch):
    filled = torch.zeros_like(scratch).to("cuda")
    return (filled,)


if __name__ == "__main__":
    app.run()
