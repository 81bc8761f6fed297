"""Numeric inputs that are bounded, validated, or not sizes at all: nothing to report."""

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
    batch_size = mo.ui.number(value=32, label="Batch size")
    epochs = mo.ui.number(1, 100, value=10, label="Epochs")
    learning_rate = mo.ui.number(value=0.001, label="Learning rate")
    seed = mo.ui.number(value=42, label="Seed")
    steps = mo.ui.text(value="20", label="Steps")
    top_k = mo.ui.number(value=5, label="Top k")
    mo.vstack([batch_size, epochs, learning_rate, seed, steps, top_k])
    return batch_size, epochs, learning_rate, seed, steps, top_k


@app.cell
def _(batch_size, mo):
    _errors = []
    if batch_size.value < 1:
        _errors.append("Batch size must be at least 1")
    if batch_size.value > 512:
        _errors.append("Batch size too large (max 512)")
    if _errors:
        mo.stop(True, mo.callout(mo.md("❌ **Invalid configuration**\n\n" + "\n".join(_errors)), kind="danger"))
    return


@app.cell
def _(epochs, learning_rate, mo, seed, steps, top_k, torch):
    torch.manual_seed(int(seed.value))
    try:
        _n_steps = int(steps.value)
    except ValueError:
        mo.stop(True, mo.md("❌ **Steps** must be a whole number, e.g. 20").callout(kind="danger"))
    _k = max(1, min(top_k.value, 50))
    _scores = torch.randn(100).topk(_k)
    _schedule = [learning_rate.value] * epochs.value
    return


if __name__ == "__main__":
    app.run()
