import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def __(mo, torch):
    mo.md(f"CUDA disponible : **{torch.cuda.is_available()}** — café ☕")
    return


if __name__ == "__main__":
    app.run()
