"""Run buttons whose value gates the expensive cells: nothing to report."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo):
    train_button = mo.ui.run_button(label="🚀 Train")
    export_button = mo.ui.run_button(label="💾 Export")
    mo.hstack([train_button, export_button])
    return export_button, train_button


@app.cell
def _(mo, torch, train_button):
    mo.stop(not train_button.value, mo.md("Click **🚀 Train** to start training"))
    weights = torch.randn(4, 4)
    return (weights,)


@app.cell
def _(export_button, mo):
    def export_when_clicked(button):
        if button.value:
            print("exporting")

    export_when_clicked(export_button)
    mo.md("The button is handed to a helper, which reads `.value` itself.")
    return


if __name__ == "__main__":
    app.run()
