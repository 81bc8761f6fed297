import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.function
def log_setting(name):
    def _log(value):
        print(f"{name} = {value}")
    return _log


@app.cell
def _(mo):
    """Configuration UI"""
    num_epochs = mo.ui.slider(
        on_change=log_setting("epochs"),
        start=1,
        stop=100,
        value=10,
        label="Training Epochs",
    )
    learning_rate = mo.ui.number(
        0.001,
        label="Learning Rate",
        on_change=log_setting("lr"),  # keep in sync with the scheduler
        step=0.0001,
    )
    optimizer_type = mo.ui.dropdown(
        ["Adam", "SGD", "AdamW"],
        value="Adam",
        label="Optimizer",
        on_change=log_setting("optimizer"),
    )
    use_amp = mo.ui.checkbox(value=True, label="Mixed precision", on_change=log_setting("amp"))

    config_ui = mo.vstack([
        mo.md("## Training Configuration"),
        num_epochs,
        learning_rate,
        optimizer_type,
        use_amp,
    ])
    config_ui
    return


if __name__ == "__main__":
    app.run()
