import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    pipeline = torch.nn.Sequential(torch.nn.Linear(4, 4)).cuda()
    return (pipeline,)


@app.cell
def _(pipeline):
    del pipeline
    mo.md("Pipeline released.")
    return


if __name__ == "__main__":
    app.run()

