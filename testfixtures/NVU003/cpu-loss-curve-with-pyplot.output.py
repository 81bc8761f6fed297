import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch

    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # the plot cells are skipped without matplotlib
        plt = None


@app.cell
def _():
    _model = torch.nn.Linear(4, 1)
    _optimizer = torch.optim.SGD(_model.parameters(), lr=0.05)
    _x = torch.linspace(-1, 1, 32).unsqueeze(1).repeat(1, 4)
    losses = []
    for _ in range(20):
        _optimizer.zero_grad()
        _loss = (_model(_x) - 1).pow(2).mean()
        _loss.backward()
        _optimizer.step()
        losses.append(_loss.item())
    return (losses,)


@app.cell
def _(losses):
    mo.stop(plt is None, mo.md("Install matplotlib to see the loss curve."))
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.plot(losses, label="training loss")
    ax.set_xlabel("step")
    ax.legend()
    fig
    return


if __name__ == "__main__":
    app.run()
