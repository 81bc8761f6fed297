import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    used = 1
    unused = 2
    also_unused = 3
    return (used,)


@app.cell
def _(used):
    print(used)
    return


@app.cell
def _():
    return


@app.cell
def _():
    pass
    return


@app.cell
def _():
    # just a comment
    return


@app.cell
def _(used):
    def never_called(a):
        return a + used

    return


@app.cell
def named_unused(used):
    nobody_reads_this = used + 1
    return


if __name__ == "__main__":
    app.run()
