import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    train_button = mo.ui.run_button(label="🚀 Train")
    train_button
    return (train_button,)


@app.cell
def _(train_button):
    """Training only runs when the button is clicked."""
    mo.stop(not train_button.value, mo.md("Click **Train** to start"))

    _net = torch.nn.Linear(4, 1)
    _opt = torch.optim.SGD(_net.parameters(), lr=0.01)
    for epoch in range(10):
        _loss = _net(torch.randn(8, 4)).mean()
        _opt.zero_grad()
        _loss.backward()
        _opt.step()
    return


if __name__ == "__main__":
    app.run()
