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


@app.cell
def _():
    𐐀_astral79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 5
    𐐀_astral80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = 6
    return (
        𐐀_astral79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
        𐐀_astral80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
    )


@app.cell
def _(𐐀_astral79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx):
    # 79 code points (80 UTF-16 units): stays on one line
    print(𐐀_astral79_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


@app.cell
def _(
    𐐀_astral80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,
):
    # 80 code points: wraps
    print(𐐀_astral80_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
    return


if __name__ == "__main__":
    app.run()
