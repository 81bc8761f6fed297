import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def one():
    import numpy as np

    return


app._unparsable_cell(
    r"""
    _ error
    """,
    name="_"
)


@app.cell
def __1f2440():
    'all good'
    return


app._unparsable_cell(
    r"""
    _ another_error
    _ and \"\"\"another\"\"\"
    """,
    name="_"
)


if __name__ == "__main__":
    app.run()
