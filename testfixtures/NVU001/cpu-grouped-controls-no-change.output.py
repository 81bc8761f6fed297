import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    num_epochs = mo.ui.slider(1, 30, value=5, label="Epochs", show_value=True)
    batch_size = mo.ui.slider(8, 256, step=8, value=32, label="Batch size")
    train_button = mo.ui.run_button(label="🚀 Train")
    mo.vstack([
        mo.md("## ⚙️ Training configuration"),
        mo.hstack([num_epochs, batch_size]),
        train_button,
    ])
    return batch_size, num_epochs, train_button


@app.cell
def _(batch_size, num_epochs):
    mo.md(f"{num_epochs.value} epochs of {batch_size.value} samples")
    return


@app.cell
def _():
    memory_refresh = mo.ui.refresh(options=["1s", "5s"], default_interval="5s")
    memory_refresh
    return (memory_refresh,)


@app.cell
def _(memory_refresh):
    _ = memory_refresh
    mo.md(f"CUDA: {torch.cuda.is_available()}")
    return


@app.cell
def _():
    prompt = mo.ui.text_area(placeholder="Ask something...")
    prompt
    return (prompt,)


if __name__ == "__main__":
    app.run()
