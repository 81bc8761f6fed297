import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(torch):
    model = torch.nn.Linear(512, 512).cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    return model, optimizer


@app.cell
def _(mo, model, optimizer, torch):
    del model, optimizer
    torch.cuda.empty_cache()
    mo.md("Released the model and optimizer.")
    return


if __name__ == "__main__":
    app.run()

