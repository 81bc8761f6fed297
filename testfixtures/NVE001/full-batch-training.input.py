"""Physics-informed network for the 1D heat equation, trained on all collocation points at once."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    import torch.nn as nn

    return mo, nn, torch


@app.cell
def _(mo):
    mo.md("""
    # Heat equation PINN

    The network maps `(x, t)` to `u` and is penalised by the residual of
    `u_t = alpha * u_xx` at every collocation point.
    """)
    return


@app.cell
def _(nn, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    pinn = nn.Sequential(
        nn.Linear(2, 256), nn.Tanh(), nn.Linear(256, 256), nn.Tanh(), nn.Linear(256, 1)
    ).to(device)
    optimizer = torch.optim.Adam(pinn.parameters(), lr=1e-3)
    return device, optimizer, pinn


@app.cell
def _(device, torch):
    alpha = 0.01
    xt = torch.rand(200_000, 2, device=device, requires_grad=True)
    return alpha, xt


@app.cell
def _(alpha, optimizer, pinn, torch, xt):
    history = []
    for _step in range(2000):
        _u = pinn(xt)
        _grads = torch.autograd.grad(_u.sum(), xt, create_graph=True)[0]
        _u_x, _u_t = _grads[:, 0], _grads[:, 1]
        _u_xx = torch.autograd.grad(_u_x.sum(), xt, create_graph=True)[0][:, 0]
        residual_loss = ((_u_t - alpha * _u_xx) ** 2).mean()
        optimizer.zero_grad()
        residual_loss.backward()
        optimizer.step()
        history.append(residual_loss.item())
    return (history,)


@app.cell
def _(history, mo):
    mo.md(f"Final residual: **{history[-1]:.2e}** after {len(history)} steps")
    return


if __name__ == "__main__":
    app.run()
