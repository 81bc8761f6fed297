import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    _model = torch.nn.Linear(2, 2)
    _opt = torch.optim.SGD(_model.parameters(), lr=0.1)
    for epoch in range(3):
        _opt.zero_grad()
        _model(torch.ones(1, 2)).sum().backward()
        _opt.step()
    mo.md("done")
    return


if __name__ == "__main__":
    app.run()
