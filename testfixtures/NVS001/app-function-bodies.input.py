import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import numpy as np
    import torch
    from torch import nn


@app.function
def init_weights(module: nn.Module) -> None:
    """Xavier-initialise every linear layer."""
    if isinstance(module, nn.Linear):
        nn.init.xavier_uniform_(module.weight)
        nn.init.zeros_(module.bias)


@app.function
def augment(images: torch.Tensor) -> torch.Tensor:
    """Random horizontal flips: never called from a cell in this notebook."""
    flip = torch.rand(images.shape[0]) < 0.5
    return torch.where(flip[:, None, None, None], images.flip(-1), images)


@app.function
def bootstrap_indices(n: int) -> np.ndarray:
    return np.random.default_rng().integers(0, n, size=n)


@app.class_definition
class TinyNet(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 10))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x)


@app.cell
def _():
    model = TinyNet()
    model.apply(init_weights)
    return (model,)


@app.cell
def _(model):
    with torch.no_grad():
        logits = model(torch.zeros(2, 1, 28, 28))
    logits.argmax(dim=1)
    return


if __name__ == "__main__":
    app.run()
