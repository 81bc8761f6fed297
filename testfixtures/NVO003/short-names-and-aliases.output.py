import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import pandas as pd
    import torch as t
    import torch.nn.functional as F
    import matplotlib.pyplot as plt
    from torch import nn
    return F, mo, nn, np, pd, plt, t


@app.cell
def _(np, pd):
    df = pd.DataFrame({"x": np.arange(5)})
    df2 = df.assign(y=lambda frame: frame.x**2)
    for i in range(2):
        print(i)
    fig, ax = None, None
    return df2, fig


@app.cell
def _(F, df2, fig, nn, plt, t):
    layer = nn.Linear(2, 2)
    out = F.relu(layer(t.tensor(df2.values, dtype=t.float32)))
    plt.plot(out.detach().numpy()), fig
    return


if __name__ == "__main__":
    app.run()
