import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(torch):
    model = torch.nn.Linear(16, 4).cuda()
    return (model,)


@app.cell
def _(mo, torch):
    mo.stop(not torch.cuda.is_available(), mo.md("**No GPU detected**").callout(kind="danger"))
    gpu_name = torch.cuda.get_device_name(0)
    return (gpu_name,)


@app.cell
def _(gpu_name, model, torch):
    print(gpu_name, model(torch.randn(2, 16, device="cuda")).shape)
    return


if __name__ == "__main__":
    app.run()
