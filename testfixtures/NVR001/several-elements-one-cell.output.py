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
        start=1,
        stop=100,
        value=10,
        label="Training Epochs",
    )
    learning_rate = mo.ui.number(
        0.001,
        label="Learning Rate",
        step=0.0001,
    )
    optimizer_type = mo.ui.dropdown(
        ["Adam", "SGD", "AdamW"],
        value="Adam",
        label="Optimizer",
    )
    use_amp = mo.ui.checkbox(value=True, label="Mixed precision")

    config_ui = mo.vstack([
        mo.md("## Training Configuration"),
        num_epochs,
        learning_rate,
        optimizer_type,
        use_amp,
    ])
    config_ui
    return learning_rate, num_epochs, optimizer_type, use_amp


@app.cell
def _(num_epochs):
    # Runs whenever num_epochs changes (replaces on_change=log_setting("epochs"))
    log_setting("epochs")(num_epochs.value)
    return


@app.cell
def _(learning_rate):
    # Runs whenever learning_rate changes (replaces on_change=log_setting("lr"))
    log_setting("lr")(learning_rate.value)
    return


@app.cell
def _(optimizer_type):
    # Runs whenever optimizer_type changes (replaces on_change=log_setting("optimizer"))
    log_setting("optimizer")(optimizer_type.value)
    return


@app.cell
def _(use_amp):
    # Runs whenever use_amp changes (replaces on_change=log_setting("amp"))
    log_setting("amp")(use_amp.value)
    return


if __name__ == "__main__":
    app.run()
