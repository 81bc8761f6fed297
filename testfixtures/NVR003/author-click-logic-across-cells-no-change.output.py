import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import os

    import marimo as mo
    import torch

    return mo, os, torch


@app.cell
def _(mo, os):
    # Settings from the environment in script mode: a loop over names, not over epochs
    settings = {"epochs": 3, "seeds": 2}
    for _name, _target in (("TRAIN_EPOCHS", "epochs"), ("TRAIN_SEEDS", "seeds")):
        if os.environ.get(_name):
            settings[_target] = int(os.environ[_name])
    script_mode = mo.app_meta().mode == "script"
    train_button = mo.ui.run_button(label="Train")
    train_button
    return script_mode, settings, train_button


@app.cell
def _(script_mode, train_button):
    # The author's click logic: a click, or a run as a script
    train_clicked = bool(train_button.value) or script_mode
    return (train_clicked,)


@app.cell
def _(settings, torch, train_clicked):
    results = None
    if train_clicked:
        _model = torch.nn.Linear(4, 1)
        _optimizer = torch.optim.SGD(_model.parameters(), lr=0.1)
        _losses = []
        for _epoch in range(settings["epochs"]):
            _loss = _model(torch.randn(8, 4)).pow(2).mean()
            _optimizer.zero_grad()
            _loss.backward()
            _optimizer.step()
            _losses.append(_loss.item())
        results = {"losses": _losses}
    return (results,)


@app.cell
def _(mo, results):
    mo.md("Click **Train** to begin") if results is None else mo.md(f"Final loss: {results['losses'][-1]:.3f}")
    return


if __name__ == "__main__":
    app.run()
