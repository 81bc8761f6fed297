import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo):
    # The user picks the device; "cuda" is only one of the options
    device_choice = mo.ui.dropdown(["cpu", "cuda"], value="cpu", label="Device")
    device_choice
    return (device_choice,)


@app.cell
def _(device_choice, mo, torch):
    _x = torch.ones(4, 4, device=device_choice.value)
    mo.md(f"norm on {device_choice.value}: {_x.norm().item():.1f}")
    return


if __name__ == "__main__":
    app.run()
