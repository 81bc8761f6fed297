import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import functools
    import os
    import tempfile

    import marimo as mo
    import torch


@app.cell(hide_code=True)
def _():
    mo.md("""
    Loading is cached: `torch.load(...)` and `AutoModel.from_pretrained(...)` in this text are
    not code.
    """)
    return


@app.function
@mo.cache
def load_checkpoint(path: str) -> dict:
    """Cached in memory by marimo: re-running a cell does not read the file again."""
    return torch.load(path, map_location="cpu", weights_only=True)


@app.cell
def _():
    path = os.path.join(tempfile.gettempdir(), "nvp006_cached_checkpoint.pt")
    torch.save({"w": torch.ones(3)}, path)
    return (path,)


@app.cell
def _(path):
    @functools.lru_cache(maxsize=1)
    def read_weights(p: str) -> dict:
        return torch.load(p, weights_only=True)

    def read_again(p: str) -> dict:
        return torch.load(p, weights_only=True)

    with mo.cache("weights"):
        first = load_checkpoint(path)
        second = read_weights(path)
        third = read_again(path)
    mo.md(f"{first['w'].sum().item() + second['w'].sum().item() + third['w'].sum().item():.0f}")
    return


if __name__ == "__main__":
    app.run()
