import marimo

__generated_with = "0.9.14"
app = marimo.App(width="medium")


@app.cell
def __():
    import marimo as mo
    return (mo,)


@app.cell(hide_code=True)
def __(mo):
    mo.md(
        r"""
        # Fine-tuning controls

        Move the slider to pick a learning rate. The value is logged every time it changes.
        """
    )
    return


@app.cell
def _(mo):
    """Interactive controls"""
    def handle_change(value):
        # This breaks Marimo's reactive paradigm
        print(f"learning rate set to {value:.4f}")

    learning_rate = mo.ui.slider(0.0001, 0.01, step=0.0001, value=0.001, label="Learning Rate")
    learning_rate
    return handle_change, learning_rate


@app.cell
def _(handle_change, learning_rate):
    # Runs whenever learning_rate changes (replaces on_change=handle_change)
    handle_change(learning_rate.value)
    return


@app.cell
def __(learning_rate):
    config = {"lr": learning_rate.value}
    config
    return (config,)


if __name__ == "__main__":
    app.run()
