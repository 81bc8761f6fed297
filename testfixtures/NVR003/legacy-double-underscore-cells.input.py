import marimo

__generated_with = "0.9.14"
app = marimo.App()


@app.cell
def __():
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
def __(X_train, mlp, torch, y_train):
    sgd = torch.optim.SGD(mlp.parameters(), lr=0.05)
    for n_epoch in range(200):
        sgd.zero_grad()
        mse = torch.nn.functional.mse_loss(mlp(X_train), y_train)
        mse.backward()
        sgd.step()
    mse
    return mse, n_epoch, sgd


if __name__ == "__main__":
    app.run()
