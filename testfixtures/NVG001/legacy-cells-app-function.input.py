import marimo

__generated_with = "0.8.0"
app = marimo.App()

with app.setup:
    import torch


@app.function
def to_gpu(batch: torch.Tensor) -> torch.Tensor:
    """Top-level functions cannot read a cell's `device`: left as they are."""
    return batch.to("cuda")


@app.cell
def __():
    import marimo as mo
    return mo,


@app.cell
def __():
    batch = to_gpu(torch.zeros(16, 3))
    logits = torch.nn.Linear(3, 2).cuda()(batch)
    return batch, logits


@app.cell
async def __(logits):
    import asyncio

    await asyncio.sleep(0)
    probabilities = logits.softmax(dim=-1).to(device="cuda")
    return asyncio, probabilities


if __name__ == "__main__":
    app.run()
