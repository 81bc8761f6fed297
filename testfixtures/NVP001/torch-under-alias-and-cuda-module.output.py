import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch as th
    from torch import cuda

    return cuda, th


@app.cell
def _(cuda, th):
    scaler: th.amp.GradScaler = th.amp.GradScaler("cuda", enabled=cuda.is_available())
    with th.autocast("cuda", enabled=True):
        y = th.ones(4, device="cuda") * 2
    return


@app.cell
def _(cuda):
    # `cuda.amp.autocast` alone: this cell cannot see `th`, so it is reported without a fix
    with cuda.amp.autocast():
        z = cuda.FloatTensor(4).fill_(1.0)
    return


if __name__ == "__main__":
    app.run()
