import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import time

    import marimo as mo
    import torch

    return mo, time, torch


@app.cell
def _(time, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    started_at = time.strftime("%H:%M")
    return device, started_at


@app.cell
def _(device, mo, started_at, torch):
    _signal = torch.sin(torch.linspace(0, 6.28, 1000, device=device))
    mo.md(f"peak {_signal.max().item():.2f} (run started at {started_at})")
    return


if __name__ == "__main__":
    app.run()
