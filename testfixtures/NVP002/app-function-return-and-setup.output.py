import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from timeit import default_timer as timer


@app.function
def time_forward(model: torch.nn.Module, batch: torch.Tensor, repeats: int = 10) -> float:
    """Average seconds per forward pass."""
    with torch.inference_mode():
        model(batch)  # warm-up
        start = timer()
        for _ in range(repeats):
            model(batch)
        torch.cuda.synchronize()  # wait for the queued GPU kernels before reading the clock
        return (timer() - start) / repeats


@app.cell
def _():
    net = torch.nn.Linear(1024, 1024).cuda()
    seconds = time_forward(net, torch.randn(256, 1024, device="cuda"))
    mo.md(f"{seconds * 1e3:.2f} ms per batch")
    return


if __name__ == "__main__":
    app.run()
