import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    value = 1
    # a comment between the last statement and the return
    return (value,)


@app.cell
def _(value):
    doubled = value * 2

    # several comments
    # after a blank line
    return (doubled,)


@app.cell
def _(doubled):
    # leading comment
    print(doubled)  # trailing inline comment
    return


@app.cell
def _(doubled):
    def helper():
        return doubled
        # comment inside the function body, at the end
    return


@app.cell
def _():
    # only comments in this cell
    # nothing else
    return


@app.cell
def _():
    """A docstring-like expression as the last statement."""
    return


if __name__ == "__main__":
    app.run()
