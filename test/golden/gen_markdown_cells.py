import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo

    return (mo,)


@app.cell
def _(mo):
    mo.md("""
    # A heading

    Some *indented* markdown that marimo dedents.
    """)
    return


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    A raw string with a backslash: \alpha
    """)
    return


@app.cell
def _(mo):
    title = "dynamic"
    mo.md(f"""
    ## {title}
    """)
    return (title,)


@app.cell
def _(mo):
    mo.md("""
    Quotes: "double" and 'single'.
    """)
    return


@app.cell
def _(mo, title):
    mo.md(f'{title} again')
    return


if __name__ == "__main__":
    app.run()
