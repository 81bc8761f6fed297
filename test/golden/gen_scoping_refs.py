import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    x = 1
    y = 2
    z = 3
    to_delete = [1]
    shared = 0
    return shared, to_delete, x, y, z


@app.cell
def _(defined_nowhere, x):
    # reads a name defined in no cell: still a parameter
    print(defined_nowhere, x)
    return


@app.cell
def _(to_delete):
    # deletes a name defined by another cell
    del to_delete
    return


@app.cell
def _(y):
    # read, then bound in the same cell: both a ref and a def; a
    # name the cell itself defines is never a parameter, and the
    # cell's own read is enough to put it in the return
    print(rebound)
    rebound = y
    y_copy = y
    return rebound, y_copy


@app.cell
def _(z):
    # a nested function reading a name bound later at top level
    def use_later():
        return later_bound + z


    later_bound = 5
    return (use_later,)


@app.cell
def _(shared, x, y, z):
    # names read only inside a comprehension, lambda and class body
    cube = [x**3 for _ in range(2)]
    fn = lambda q: q + z
    class Holder:
        attr = shared
        def method(self):
            return y

    return Holder, cube, fn


@app.cell
def _():
    _private = 1
    __dunder__ = 2
    __mangled_like = 3
    __ = 4
    _ = 5
    return __dunder__, __mangled_like


@app.cell
def _(__dunder__, __mangled_like):
    # __dunder__ and __mangled_like are public; _private, _ and __ are not
    print(__dunder__, __mangled_like)
    return


@app.cell
def _(Holder, cube, fn, use_later, y_copy):
    # another cell reusing the same private names
    _private = "again"
    print(_private, cube, fn, Holder, use_later, y_copy)
    return


if __name__ == "__main__":
    app.run()
