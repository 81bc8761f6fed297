import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    import torch.nn as nn

    return nn, torch


@app.cell
def _(torch):
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(nn, torch):
    class Encoder(nn.Module):
        def __init__(self, dim: int) -> None:
            super().__init__()
            self.proj = nn.Linear(dim, dim)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return torch.relu(self.proj(x))


    def make_batch(n: int, dim: int) -> torch.Tensor:
        return torch.randn(n, dim)

    return Encoder, make_batch


@app.cell
def _(Encoder, seed, set_seed):
    set_seed(seed)
    encoder = Encoder(16)
    return (encoder,)


@app.cell
async def _(encoder, make_batch, seed, set_seed):
    set_seed(seed)
    import asyncio

    await asyncio.sleep(0)
    encoded = encoder(make_batch(4, 16))
    encoded.shape
    return


if __name__ == "__main__":
    app.run()
