import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import altair as alt
    import marimo as mo
    import numpy as np
    import torch


@app.cell
def _():
    gpu_memory_gb = torch.cuda.get_device_properties(0).total_memory / 1e9 if torch.cuda.is_available() else 0.0
    training_loss_history = []
    model_checkpoint_path = "checkpoints/model.pth"
    for _i in range(3):
        training_loss_history.append(1.0 / (_i + 1))
    return gpu_memory_gb, model_checkpoint_path, training_loss_history


@app.cell
def _(gpu_memory_gb, model_checkpoint_path, training_loss_history):
    _df = {"loss": training_loss_history}
    mo.md(f"{gpu_memory_gb:.1f} GB; {len(_df['loss'])} epochs; {model_checkpoint_path}; {np.pi:.2f}; {alt.__name__}")
    return


if __name__ == "__main__":
    app.run()
