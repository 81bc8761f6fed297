import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import torch
    return mo, np, torch


@app.cell
def _(mo):
    epochs = mo.ui.slider(1, 20, value=5, label="Epochs")
    lr = mo.ui.number(1e-4, 1e-1, value=1e-3, label="Learning rate")
    mo.hstack([epochs, lr])
    return epochs, lr


@app.cell
def _(np, torch):
    data = np.random.default_rng(0).normal(size=(256, 8)).astype(np.float32)
    intermediate_step_1 = torch.from_numpy(data)
    intermediate_step_2 = intermediate_step_1 - intermediate_step_1.mean(0)
    intermediate_step_3 = intermediate_step_2 / intermediate_step_2.std(0)
    return (intermediate_step_3,)


@app.cell
def _(epochs, intermediate_step_3, lr, torch):
    model = torch.nn.Linear(8, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr.value)
    losses = []
    for epoch in range(epochs.value):
        output = model(intermediate_step_3)
        loss = output.pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return (losses,)


@app.cell
def _(losses):
    result_temp, result_final = min(losses), losses[-1]
    result_final
    return


if __name__ == "__main__":
    app.run()
