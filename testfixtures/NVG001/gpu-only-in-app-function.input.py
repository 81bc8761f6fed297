import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.function
def render(points: torch.Tensor) -> torch.Tensor:
    """Projects points on the GPU, as a viewer's render callback does."""
    gpu = torch.device("cuda")
    return (points.to(gpu) @ torch.eye(3, device=gpu)).cpu()


@app.cell
def _():
    frame = render(torch.rand(16, 3))
    frame.shape
    return


if __name__ == "__main__":
    app.run()
