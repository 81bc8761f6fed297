import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import numpy as np
    import torch
    from sklearn.preprocessing import StandardScaler


@app.cell
def _():
    scaler = StandardScaler().fit(np.random.rand(20, 3))
    scaler.mean_
    return


@app.cell
def _():
    probe = torch.nn.Linear(3, 1)
    probe.train()
    _loss = probe(torch.ones(1, 3)).sum()
    _loss.backward()
    probe.weight.grad
    return (probe,)


@app.cell(disabled=True)
def _(probe):
    # Disabled: never runs until the user enables it
    _opt = torch.optim.SGD(probe.parameters(), lr=0.1)
    for epoch in range(1000):
        _opt.zero_grad()
        probe(torch.ones(1, 3)).sum().backward()
        _opt.step()
    return


if __name__ == "__main__":
    app.run()
