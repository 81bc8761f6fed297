import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    train_button = mo.ui.button(label="Reset", value=0, on_click=lambda v: v + 1)
    train_button
    return (train_button,)


@app.cell
def _(train_button):
    net = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    resets = train_button.value
    return net, opt


@app.cell
def _():
    train_button_2 = mo.ui.run_button(label="🚀 Train model")
    train_button_2
    return (train_button_2,)


@app.cell
def _(net, opt, train_button_2):
    mo.stop(not train_button_2.value, mo.md("Click **Train model** to start training"))

    _x = torch.randn(32, 8)
    _y = torch.randn(32, 1)
    for _step in range(500):
        opt.zero_grad()
        _loss = torch.nn.functional.mse_loss(net(_x), _y)
        _loss.backward()
        opt.step()
    return


if __name__ == "__main__":
    app.run()
