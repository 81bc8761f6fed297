import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import logging
    return logging, mo


@app.cell
def _(logging):
    logger = logging.getLogger("trainer")


    def on_optimizer_selected(name: str) -> None:
        """Record which optimizer the user picked."""
        logger.info("optimizer -> %s", name)
    return (on_optimizer_selected,)


@app.cell
def _(mo):
    optimizer_type = mo.ui.dropdown(
        ["Adam", "SGD", "AdamW"],
        value="Adam",
        label="Optimizer",
    )
    optimizer_type
    return (optimizer_type,)


@app.cell
def _(on_optimizer_selected, optimizer_type):
    # Runs whenever optimizer_type changes (replaces on_change=on_optimizer_selected)
    on_optimizer_selected(optimizer_type.value)
    return


@app.cell
def _(mo):
    mo.md("""
    The optimizer above is passed to the training cell below.
    """)
    return


if __name__ == "__main__":
    app.run()
