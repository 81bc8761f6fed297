import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    features = torch.randn(1024, 1024, device="cuda")
    return (features,)


@app.cell
def _(features, torch):
    keep_features = False
    if not keep_features:
        del features
        torch.cuda.empty_cache()
    return


if __name__ == "__main__":
    app.run()

