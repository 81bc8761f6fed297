import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""# Loss landscape""")
    return


@app.cell
def _(torch):
    weights = torch.linspace(-2, 2, 50)
    losses = (weights - 0.5) ** 2
    return losses, weights


@app.cell
def _(losses, weights):
    import matplotlib.pyplot as plt
    from matplotlib import ticker

    _fig, _ax = plt.subplots()
    _ax.plot(weights, losses)
    _ax.xaxis.set_major_locator(ticker.MaxNLocator(5))
    _fig
    return


@app.cell
def _(losses):
    def summarize(values):
        import statistics  # a lazy import inside a function is fine
        return statistics.mean(values.tolist())

    summarize(losses)
    return


@app.cell
def _(losses):
    import json

    json.dumps({"min": float(losses.min())})
    return


if __name__ == "__main__":
    app.run()
