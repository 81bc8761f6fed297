import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    𐐀lpha = 1
    﨎tree = 2
    mid = 3
    return mid, 﨎tree, 𐐀lpha


@app.cell
def _(mid, 﨎tree, 𐐀lpha):
    print(𐐀lpha, 﨎tree, mid)
    return


@app.cell
def _():
    ﬁle_count = 4
    return (file_count,)


@app.cell
def _(file_count):
    print(file_count)
    return


if __name__ == "__main__":
    app.run()
