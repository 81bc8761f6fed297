import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch

    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None


@app.cell
def _():
    mo.stop(plt is None, mo.md("Install matplotlib to see the weights."))
    _weights = torch.nn.Linear(8, 8).weight.detach()
    _fig, _ax = plt.subplots()
    _ax.imshow(_weights.numpy(), cmap="viridis")
    mo.mpl.interactive(_fig)
    return


@app.cell
def _():
    # Mentions plt.plot in a comment and a string only: "plt.plot(x)"
    mo.md("Use `plt.plot(x)` for quick looks; this notebook uses Altair.")
    return


if __name__ == "__main__":
    app.run()
