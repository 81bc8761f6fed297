import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import sys

    import marimo as mo
    import torch

    print("setup done", file=sys.stderr)


@app.function
def log(message: str) -> None:
    """Console log helper for long jobs."""
    print(f"[log] {message}")


@app.cell
def _():
    with mo.redirect_stdout():
        print(f"PyTorch {torch.__version__}")
        print(f"CUDA available: {torch.cuda.is_available()}")
    return


@app.cell
def _():
    _total = torch.arange(10).sum().item()
    print(f"sum={_total}", file=sys.stderr)
    mo.md(f"Sum of 0..9: **{_total}**")
    return


if __name__ == "__main__":
    app.run()
