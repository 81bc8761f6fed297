import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    # Température: 45 °C — ok
    model = torch.nn.Linear(4, 4).cuda()
    return (model,)


@app.cell
def _(model):
    del model
    return


if __name__ == "__main__":
    app.run()
