import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from datasets import load_dataset

    return load_dataset, mo, torch


@app.cell
def _(load_dataset, mo):
    with mo.persistent_cache(name="glue_mrpc"):
        mrpc = load_dataset("glue", "mrpc")
    return (mrpc,)


@app.cell
def _(load_dataset):
    load_dataset("imdb", split="test[:10]")
    return


@app.cell
def _(torch):
    classifier = torch.nn.Linear(768, 2)
    classifier.load_state_dict(torch.load("checkpoints/classifier.pt", map_location="cpu"))
    try:
        extra = torch.load("checkpoints/extra.pt")
    except FileNotFoundError:
        extra = None
    return


@app.cell
def _(mrpc):
    for split in ("train", "validation"):
        _rows = mrpc[split].num_rows
    mrpc
    return


if __name__ == "__main__":
    app.run()
