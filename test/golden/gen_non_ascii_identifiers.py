import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    café = 1
    naïve = 2
    Δt = 0.1
    résumé = "cv"
    变量 = 3
    ñandú = 4
    Ωmega = 5
    zebra = 6
    Zebra = 7
    _ünder = 8
    return Zebra, café, naïve, résumé, zebra, ñandú, Δt, Ωmega, 变量


@app.cell
def _(Zebra, café, naïve, résumé, zebra, ñandú, Δt, Ωmega, 变量):
    # non-ASCII names sort after ASCII ones (code point order)
    print(café, naïve, Δt, résumé, 变量, ñandú, Ωmega, zebra, Zebra, _ünder)
    return


@app.cell
def _(Zebra, café, naïve, résumé, zebra, ñandú, Δt, Ωmega, 变量):
    # a signature whose length is counted in code points
    print(变量, résumé, café, naïve, ñandú, Ωmega, Δt, zebra, Zebra)
    return


if __name__ == "__main__":
    app.run()
