import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import torch

    data = torch.ones(3)
    N = 3


@app.function
def f(values: torch.Tensor) -> torch.Tensor:
    """Double the values."""
    return values * 2


@app.class_definition
class M(torch.nn.Module):
    """Identity."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Return the input."""
        return x


@app.cell
async def _():
	import asyncio
	await asyncio.sleep(0)
	result = f(data)
	print(result, M()(data), N)
	return


if __name__ == "__main__":
    app.run()
