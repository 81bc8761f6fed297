import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell(hide_code=True)
def _():
    import marimo as mo
    slider = mo.ui.slider(1, 10)
    return mo, slider


@app.cell(column=0)
def _(slider):
    slider
    return


@app.cell(disabled=True)
def _(slider):
    doubled = slider.value * 2
    return (doubled,)


@app.cell(column=1, hide_code=True)
def _(doubled):
    print(doubled)
    return


@app.cell(expand_output=True)
def summary(doubled, mo):
    mo.md(f'{doubled}')
    return


@app.cell(column=1, disabled=True, hide_code=True)
def _(doubled):
    await_free = doubled
    tail = [await_free]
    return (tail,)


@app.cell
def _(tail):
    tail
    return


if __name__ == "__main__":
    app.run()
