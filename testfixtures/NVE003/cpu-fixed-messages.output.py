# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch>=2.4"]
# ///
"""Tiny inference demo whose error handlers say "Error occurred" and nothing else."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2)).to(device)
    except Exception as e:
        print(f"Error occurred: {e}")
        model = None
    return device, model


@app.cell
def _(device, model):
    try:
        _logits = model(torch.randn(4, 8, device=device))
        _result = mo.md(f"Predicted classes: {_logits.argmax(dim=1).tolist()}")
    except Exception as e:
        _result = None
        mo.stop(True, mo.md(f"❌ **Inference failed**: {e}").callout(kind="danger"))
    _result
    return


@app.cell
def _(device):
    def load_checkpoint(path):
        try:
            return torch.load(path, map_location=device)
        except FileNotFoundError:
            print(f"No checkpoint at {path}: starting from scratch")
            return None
        except RuntimeError as e:
            print(f"Error: {e}")
            return None

    for e in range(2):
        try:
            _ = torch.ones(2, device=device) * e
        except Exception as err:
            print(f"Something went wrong: {err}")
    return


if __name__ == "__main__":
    app.run()
