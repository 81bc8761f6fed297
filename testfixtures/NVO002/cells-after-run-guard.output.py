import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _(mo):
    _greeting_text = "Hello from the notebook"
    mo.md(_greeting_text)
    return


if __name__ == "__main__":  # marimo reads no cell below this line
    app.run()


# Left over from an old copy and paste: marimo ignores everything below.
@app.cell
def __():
    leftover_text = "never shown"
    message = leftover_text.title()
    return (message,)


if __name__ == "__main__":
    app.run()
