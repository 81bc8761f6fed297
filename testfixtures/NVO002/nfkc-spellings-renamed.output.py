# Python reads identifiers in their NFKC form: `ﬁle` (with the ligature) and `file` are one
# name, as are `x𝔘` and `xU`. Every spelling of a renamed global is renamed.
import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    _file = "weights.pt"
    print(_file, _file)
    _xU = 3
    return


@app.cell
def _():
    print("no other cell reads them")
    return


if __name__ == "__main__":
    app.run()
