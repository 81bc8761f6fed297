import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch as th

    return mo, th


@app.cell
def _(mo, th):
    try:
        activations = th.randn(8, 4096, 4096).cuda()
    except th.cuda.OutOfMemoryError:
        th.cuda.empty_cache()
        _free, _total = th.cuda.mem_get_info()
        mo.stop(True, mo.md(f"❌ Out of memory: {_free / 1e9:.1f} GB free").callout(kind="danger"))
    return (activations,)


if __name__ == "__main__":
    app.run()
