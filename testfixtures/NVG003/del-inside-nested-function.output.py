import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import gc

    import torch
    return gc, torch


@app.cell
def _(gc, torch):
    def evaluate(batch_size: int) -> float:
        """Runs one evaluation batch and frees it."""
        inputs = torch.randn(batch_size, 64, device="cuda")
        total = float(inputs.sum())
        del inputs
        gc.collect()
        torch.cuda.empty_cache()
        return total

    gc.collect()
    evaluate(32)
    return


if __name__ == "__main__":
    app.run()

