import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import seaborn as sns
    from matplotlib import pyplot as mpl_plt
    from matplotlib.pyplot import subplots
    return mo, mpl_plt, np, sns, subplots


@app.cell
def _(np, sns):
    _matrix = np.corrcoef(np.random.default_rng(0).normal(size=(5, 100)))
    sns.heatmap(_matrix, annot=True)
    return


@app.cell
def _(mpl_plt, np):
    mpl_plt.figure(figsize=(4, 4))
    mpl_plt.scatter(np.arange(10), np.arange(10) ** 2)
    mpl_plt.gca()
    return


@app.cell
def _(subplots):
    fig, axes = subplots(1, 2)
    fig
    return


if __name__ == "__main__":
    app.run()
