import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    model = torch.nn.Linear(4, 4).cuda()
    return (model,)


@app.cell
def _(model, torch):
    del model
    torch.cuda.empty_cache()
    return


if __name__ == "__main__":
    app.run()

