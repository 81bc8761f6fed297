import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import contextlib

    import torch
    from torch.cuda.amp import autocast

    return autocast, contextlib, torch


@app.cell
def _(autocast, contextlib, torch):
    use_amp = torch.cuda.is_available()
    # `autocast` is passed around as a value: the device cannot be added to a call
    amp_context = autocast if use_amp else contextlib.nullcontext
    scaler_cls = torch.cuda.amp.GradScaler
    args = (True,)
    with torch.cuda.amp.autocast(*args):
        pass
    return


if __name__ == "__main__":
    app.run()
