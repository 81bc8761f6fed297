import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import torch
    from torch import nn


@app.class_definition
class Scaler(nn.Module):
    """Multiply by a learned factor."""

    def __init__(self, factor: float = 1.0):
        """`__init__` needs no return type when a parameter is annotated (as in mypy)."""
        super().__init__()
        self.factor = nn.Parameter(torch.tensor(factor))

    def forward(self, x):
        """Scale the input."""
        return x * self.factor

    @classmethod
    def identity(cls) -> "Scaler":
        """`cls` needs no annotation."""
        return cls(1.0)

    @staticmethod
    def describe(name: str) -> str:
        """Fully annotated."""
        return f"Scaler({name})"


@app.function
def apply(module: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """Fully annotated, so not reported."""
    return module(x)


@app.cell
def _():
    class Bare:
        """A class defined in a cell."""

        def __init__(self):
            """No annotated parameter: the return type is required."""
            self.ready = True

    apply(Scaler.identity(), torch.ones(2)), Bare().ready
    return


if __name__ == "__main__":
    app.run()
