import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch as t
    from torch import manual_seed
    from torch.backends import cudnn


@app.cell
def _():
    manual_seed(1234)
    cudnn.benchmark = True
    device = t.device("cuda")
    return (device,)


@app.cell
def _(device):
    _model = t.nn.Conv2d(3, 16, 3).to(device)
    _model(t.randn(8, 3, 32, 32, device=device)).shape
    return


if __name__ == "__main__":
    app.run()
