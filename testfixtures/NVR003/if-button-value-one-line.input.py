import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from transformers import AutoModel


@app.cell
def _():
    load = mo.ui.run_button(label="Load BERT")
    load
    return (load,)


@app.cell
def _(load):
    if load.value: encoder = AutoModel.from_pretrained("bert-base-uncased").to("cuda")  # ~440 MB
    return


if __name__ == "__main__":
    app.run()
