import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import pandas as pd
    import torch
    from types import SimpleNamespace
    return SimpleNamespace, mo, pd, torch


@app.cell
def _(SimpleNamespace, pd, torch):
    model = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.ReLU())
    weights = torch.zeros(4, 4)
    frame = pd.DataFrame({"loss": [0.5, None, 0.2]})
    config = SimpleNamespace(lr=1e-3)
    cache = {"probe": torch.ones(1)}
    counts = {"runs": 0}
    return cache, config, counts, frame, model, weights


@app.cell
def _(cache, config, counts, frame, model, weights):
    weights.add_(1.0)
    model[0].weight.data.normal_()
    model.requires_grad_(False)
    frame.dropna(inplace=True)
    config.lr = 0.1
    del cache["probe"]
    counts["runs"] += 1
    return


if __name__ == "__main__":
    app.run()
