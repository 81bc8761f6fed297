import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import os.path
    import collections.abc as cabc
    from math import floor as fl, ceil
    for loop_var in range(2):
        pass
    with open(os.devnull) as handle:
        pass
    if (walrus := 10) > 5:
        pass
    counter = 0
    counter += 1
    aug_only_elsewhere = 0
    return cabc, ceil, counter, fl, handle, loop_var, os, walrus


@app.cell
def _(Point_like):
    match {"kind": "pt", "xy": [1, 2]}:
        case {"kind": kind, "xy": [px, py]}:
            pass
        case [first, *rest]:
            pass
        case Point_like(x=captured) if captured:
            pass
        case other:
            pass
    return captured, first, kind, other, px, py, rest


@app.cell
def _():
    def set_global():
        global made_global
        made_global = 1


    set_global()
    return (made_global,)


@app.cell
def _():
    squares = [sq * sq for sq in range(3)]
    evens = {ev for ev in range(4) if ev % 2 == 0}
    pairs = {pk: pv for pk, pv in zip("ab", "cd")}
    gen = list(g for g in range(2))
    try:
        1 / 0
    except ZeroDivisionError as err:
        caught = str(err)
    return caught, evens, gen, pairs, squares


@app.cell
def _():
    holder = {}
    holder["key"] = 1
    holder.update(a=1)
    obj = type("O", (), {})()
    obj.attr = 2
    return holder, obj


@app.cell
def _(
    cabc,
    captured,
    caught,
    ceil,
    counter,
    evens,
    first,
    fl,
    gen,
    handle,
    holder,
    kind,
    loop_var,
    made_global,
    obj,
    os,
    other,
    pairs,
    px,
    py,
    rest,
    squares,
    walrus,
):
    print(
        os, cabc, fl, ceil, loop_var, handle, walrus, counter,
        kind, px, py, first, rest, captured, other, made_global,
        squares, evens, pairs, gen, caught, holder, obj,
    )
    return


@app.cell
def _(err, sq):
    # names bound only inside comprehensions / except are not defs
    print(sq, err)
    return


if __name__ == "__main__":
    app.run()
