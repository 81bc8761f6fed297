import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _():
    loss_history = []
    metrics = {"epochs": 0}
    return loss_history, metrics


@app.cell
def _(loss_history, metrics, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    _model = torch.nn.Linear(3, 1).to(device)
    _optimizer = torch.optim.SGD(_model.parameters(), lr=0.1)
    _x = torch.ones(8, 3, device=device)
    for _step in range(5):
        _optimizer.zero_grad()
        _loss = _model(_x).pow(2).mean()
        _loss.backward()
        _optimizer.step()
        loss_history.append(_loss.item())
    metrics["epochs"] = 5
    metrics.update(final_loss=loss_history[-1])
    return


@app.cell
def _(loss_history, metrics, mo):
    mo.md(f"{len(loss_history)} steps, final loss {metrics['final_loss']:.4f}")
    return


if __name__ == "__main__":
    app.run()
