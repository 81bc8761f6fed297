import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import shutil
    import subprocess

    import marimo as mo

    return mo, shutil, subprocess


@app.cell
def _(mo, shutil, subprocess):
    # Shown by nobody: a statement inside `if`/`except`, not the cell's last expression
    gpu_info = ""
    if shutil.which("nvidia-smi"):
        try:
            gpu_info = subprocess.run(["nvidia-smi"], capture_output=True, text=True).stdout
        except OSError:
            mo.md("⚠️ **Warning**: nvidia-smi could not run")
    else:
        mo.md("⚠️ **Warning**: nvidia-smi not found. GPU may not be available.")
    return (gpu_info,)


@app.cell
def _(gpu_info, mo):
    # The cell's output: shown, so it gets the callout
    mo.md("✅ GPU found") if gpu_info else mo.md("❌ **No GPU**: the training cells below will not run").callout(kind="danger")
    return


@app.cell
def _(gpu_info, mo):
    mo.md("⚠️ **Warning**: running on the CPU")
    _note = "cpu" if not gpu_info else "gpu"
    return


if __name__ == "__main__":
    app.run()
