# /// script
# requires-python = ">=3.11"
# dependencies = [
#   'torch',
#   'marimo'
# ]
# ///

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    import scipy.signal
    return mo, scipy, torch


@app.cell
def _(mo, scipy, torch):
    _window = torch.from_numpy(scipy.signal.get_window("hann", 16))
    mo.md(f"Window sum: {_window.sum():.2f}")
    return


if __name__ == "__main__":
    app.run()
