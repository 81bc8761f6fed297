import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _(mo):
    def labeled_slider(label: str) -> mo.ui.slider:
        """A slider with the notebook's defaults."""
        return mo.ui.slider(1, 10, value=3, label=label)

    return (labeled_slider,)


@app.cell
def _(labeled_slider, mo):
    # UI elements must stay global for marimo to sync them, even if no cell reads them yet.
    epochs = mo.ui.slider(1, 10, value=3, label="Epochs")
    form = mo.md("{name}").batch(name=mo.ui.text(label="Name")).form()
    warmup = labeled_slider("Warm-up epochs")
    get_count, set_count = mo.state(0)
    mo.vstack([epochs, form, warmup])
    return


@app.cell
def _():
    config = {"lr": 1e-3}
    return (config,)


@app.cell
def _(config):
    print(config["lr"])
    return


if __name__ == "__main__":
    app.run()
