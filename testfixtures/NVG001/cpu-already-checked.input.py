import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    return (device,)


@app.cell
def _(device, mo, torch):
    _a = torch.ones(8, 8, device=device)
    _b = (_a @ _a).sum().item()
    torch.cuda.empty_cache()
    mo.md(f"sum of the product: **{_b:.0f}** on `{device}`")
    return


if __name__ == "__main__":
    app.run()
