import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import torch
    from torch import nn
    from typing import overload

    def device_name() -> str:
        return "cuda" if torch.cuda.is_available() else "cpu"


@app.function
def scaled(x: torch.Tensor, factor: float = 2.0) -> torch.Tensor:
    def inner(t: torch.Tensor) -> torch.Tensor:
        return t * factor  # nested helper: not checked

    return inner(x)


@app.function
def f_string_is_not_a_docstring(x: int) -> str:
    f"""{x} is formatted, so this is not a docstring"""
    return str(x)


@app.class_definition
class TinyNet(nn.Module):
    """One linear layer."""

    def __init__(self, features: int) -> None:
        super().__init__()
        self.layer = nn.Linear(features, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the layer."""
        return self.layer(x)

    def __repr__(self) -> str:
        return "TinyNet()"

    @overload
    def predict(self, x: int) -> int: ...

    @overload
    def predict(self, x: float) -> float: ...

    def predict(self, x):
        """Echo the input."""
        return x


@app.cell
def _():
    TinyNet(4)(torch.zeros(1, 4)), scaled(torch.ones(1)), device_name()
    return


if __name__ == "__main__":
    app.run()
