"""Handlers that already say what went wrong: nothing to fix."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import logging
    import traceback

    import marimo as mo
    import torch

    logger = logging.getLogger(__name__)
    return logger, mo, torch, traceback


@app.cell
def _(logger, mo, torch, traceback):
    try:
        _x = torch.randn(2, 2, device="cuda")
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        mo.stop(True, mo.md("❌ **GPU out of memory**: reduce the batch size to 32").callout(kind="danger"))
    except RuntimeError as e:
        mo.stop(True, mo.md(f"❌ **CUDA error**: {e}").callout(kind="danger"))
    except Exception as err:
        print("Unexpected error:", err)
    except:
        traceback.print_exc()

    try:
        _y = torch.load("weights.pt")
    except FileNotFoundError:
        print("weights.pt not found: train the model first (cell 'Training')")
    except Exception:
        logger.exception("Could not load the weights")

    try:
        _z = 1 / 0
    except ZeroDivisionError:
        _z = float("inf")
    except Exception:
        raise
    return


@app.cell
def _(mo):
    # "except Exception: print('Error occurred')" in a comment is not code
    mo.md("Write `except Exception: print('Error occurred')` and users will hate you.")
    return


if __name__ == "__main__":
    app.run()
