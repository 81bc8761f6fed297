# A torch notebook that never names the graphics card runs on the processor: deleting its
# tensors frees ordinary memory, and nothing is added after the `del`.
import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    trained_model = torch.nn.Linear(16, 4)
    activations = trained_model(torch.ones(2, 16))
    return (activations,)


@app.cell
def _(activations):
    del activations
    return


if __name__ == "__main__":
    app.run()
