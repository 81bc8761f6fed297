# /// script
# requires-python = ">=3.11"
# dependencies = [
#     "marimo",
#     "torch",
# ]

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return


if __name__ == "__main__":
    app.run()
