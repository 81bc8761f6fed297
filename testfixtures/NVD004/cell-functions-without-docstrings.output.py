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
    def make_batch(size: int) -> torch.Tensor:
        return torch.randn(size, 8)

    async def fetch_remote(url: str) -> bytes:
        # not a docstring: a comment
        return url.encode()

    def documented(x: float) -> float:
        # Comments may come before the docstring.
        """Square a number."""
        return x * x

    if torch.cuda.is_available():
        def to_device(t: torch.Tensor) -> torch.Tensor:
            return t.cuda()
    else:
        def to_device(t: torch.Tensor) -> torch.Tensor:
            """Keep tensors on the CPU."""
            return t

    to_device(make_batch(2)), documented(3.0), fetch_remote
    return


if __name__ == "__main__":
    app.run()
