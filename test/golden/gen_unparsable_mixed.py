import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    ok = 1
    return (ok,)


app._unparsable_cell(
    r"""
    this is not python (
    nor_is = this
    """,
    name="_"
)


@app.cell
def _(nor_is, ok):
    print(ok, nor_is)
    return


app._unparsable_cell(
    """
    s = \"\"\"unterminated
    ok2 = 2
    """,
    name="_"
)


app._unparsable_cell(
    r"""
    x = 1
        bad_indent = 2
    """,
    name="_"
)


app._unparsable_cell(
    r"""
    print(ok)
    return ok
    """,
    name="_"
)


if __name__ == "__main__":
    app.run()
