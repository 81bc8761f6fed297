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
    if not torch.cuda.is_available():
        print("Warning: no GPU found")
    return


@app.cell
def _(torch):
    embeddings = torch.nn.Embedding(1000, 64).to("cuda:0")
    return (embeddings,)


if __name__ == "__main__":
    app.run()
