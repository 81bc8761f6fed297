# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch"]
# ///
"""Linear regression on the GPU, one click away."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # Régression linéaire sur GPU 🚀

    Cliquez sur **Entraîner** pour ajuster une droite à des données synthétiques.
    """)
    return


@app.cell
def _():
    train_button = mo.ui.run_button(label="Entraîner")
    train_button
    return (train_button,)


@app.cell
def _(train_button):
    mo.stop(not train_button.value, mo.md("Click **Entraîner** to start"))
    torch.manual_seed(0)
    _x = torch.arange(32, dtype=torch.float32, device="cuda").unsqueeze(1)
    _y = 3 * _x + 1
    layer = torch.nn.Linear(1, 1).cuda()
    _optimizer = torch.optim.SGD(layer.parameters(), lr=1e-4)
    for _ in range(200):
        _loss = torch.nn.functional.mse_loss(layer(_x), _y)
        _optimizer.zero_grad()
        _loss.backward()
        _optimizer.step()
    mo.md(f"weight = {layer.weight.item():.2f}, bias = {layer.bias.item():.2f}")
    return (layer,)


if __name__ == "__main__":
    app.run()
