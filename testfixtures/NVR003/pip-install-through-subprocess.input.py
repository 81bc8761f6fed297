import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import subprocess
    import sys

    import marimo as mo


@app.cell
def _():
    """Install the RAPIDS packages this notebook needs (CUDA 12 wheels)."""
    subprocess.check_call(
        [sys.executable, "-m", "pip", "install", "--extra-index-url=https://pypi.nvidia.com", "cudf-cu12", "cuml-cu12"]
    )
    installed = True
    return (installed,)


@app.cell
def _(installed):
    import cudf

    mo.md(f"cuDF {cudf.__version__} ready: {installed}")
    return


if __name__ == "__main__":
    app.run()
