import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    zeta = 1
    Zeta = 2
    alpha = 3
    Alpha = 4
    ALPHA = 5
    a_b = 6
    aB = 7
    a1 = 8
    A_ = 9
    Z9 = 10
    __dunder__ = 11
    __x = 12
    b = 13
    B = 14
    return (
        ALPHA,
        A_,
        Alpha,
        B,
        Z9,
        Zeta,
        __dunder__,
        __x,
        a1,
        aB,
        a_b,
        alpha,
        b,
        zeta,
    )


@app.cell
def _(
    ALPHA,
    A_,
    Alpha,
    B,
    Z9,
    Zeta,
    __dunder__,
    __x,
    a1,
    aB,
    a_b,
    alpha,
    b,
    zeta,
):
    # code-point order: digits < uppercase < '_' < lowercase
    print(zeta, Zeta, alpha, Alpha, ALPHA, a_b, aB, a1, A_, Z9, __dunder__, __x, b, B)
    return


if __name__ == "__main__":
    app.run()
