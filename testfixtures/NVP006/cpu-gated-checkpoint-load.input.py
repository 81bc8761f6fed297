import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import os
    import tempfile

    import marimo as mo
    import torch

    return mo, os, tempfile, torch


@app.cell
def _(mo, os, tempfile, torch):
    checkpoint_path = os.path.join(tempfile.gettempdir(), "nvp006_tiny_checkpoint.pt")
    torch.save(torch.nn.Linear(4, 2).state_dict(), checkpoint_path)
    load_button = mo.ui.run_button(label="Load checkpoint")
    load_button
    return checkpoint_path, load_button


@app.cell
def _(checkpoint_path, load_button, mo, torch):
    mo.stop(not load_button.value, mo.md("Click **Load checkpoint** to start"))
    with mo.status.spinner(title="Loading the checkpoint..."):
        state_dict = torch.load(checkpoint_path, map_location="cpu", weights_only=True)
    net = torch.nn.Linear(4, 2)
    net.load_state_dict(state_dict)
    return


if __name__ == "__main__":
    app.run()
