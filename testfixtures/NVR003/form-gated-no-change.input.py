import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    hyperparameters = (
        mo.md("Learning rate {lr} · Epochs {epochs}")
        .batch(lr=mo.ui.number(value=0.01, step=0.001), epochs=mo.ui.slider(1, 50, value=5))
        .form(submit_button_label="Train")
    )
    hyperparameters
    return (hyperparameters,)


@app.cell
def _(hyperparameters):
    if hyperparameters.value:
        _net = torch.nn.Linear(4, 1)
        _opt = torch.optim.SGD(_net.parameters(), lr=hyperparameters.value["lr"])
        for epoch in range(hyperparameters.value["epochs"]):
            _loss = _net(torch.randn(8, 4)).mean()
            _opt.zero_grad()
            _loss.backward()
            _opt.step()
    return


@app.cell
def _():
    pip_form = mo.ui.text(label="Package").form()
    pip_form
    return (pip_form,)


@app.cell
def _(pip_form):
    import subprocess

    mo.stop(pip_form.value is None, mo.md("Submit a package name to install it"))
    subprocess.run(["pip", "install", pip_form.value], check=True)
    return


if __name__ == "__main__":
    app.run()
