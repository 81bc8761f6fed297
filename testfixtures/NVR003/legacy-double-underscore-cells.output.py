import marimo

__generated_with = "0.9.14"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import torch

    return mo, np, torch


@app.cell
def __(np, torch):
    X_train = torch.tensor(np.random.rand(100, 4), dtype=torch.float32)
    y_train = X_train.sum(dim=1, keepdim=True)
    mlp = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
    return X_train, mlp, y_train


@app.cell
def _(mo):
    train_button = mo.ui.run_button(label="🚀 Train model")
    train_button
    return (train_button,)


@app.cell
def _(X_train, mlp, mo, torch, train_button, y_train):
    mo.stop(not train_button.value, mo.md("Click **Train model** to start training"))

    sgd = torch.optim.SGD(mlp.parameters(), lr=0.05)
    for n_epoch in range(200):
        sgd.zero_grad()
        mse = torch.nn.functional.mse_loss(mlp(X_train), y_train)
        mse.backward()
        sgd.step()
    mse
    return


if __name__ == "__main__":
    app.run()
