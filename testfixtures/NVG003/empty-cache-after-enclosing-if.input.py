# An `empty_cache()` after the `if`/`try` that holds the `del` runs after it too: nothing to add.
# One in the other branch of the `if` does not run after it: the `del` gets its own.
import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    model = torch.nn.Linear(2, 2).cuda()
    try:
        if "model" in locals():
            del model
    finally:
        print("released")
    torch.cuda.empty_cache()
    return


@app.cell
def _(torch):
    buffer = torch.zeros(1024, device="cuda")
    if buffer.sum() == 0:
        del buffer
    else:
        torch.cuda.empty_cache()
    return


if __name__ == "__main__":
    app.run()
