import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def defines_builtins():
    type = "shadowed type"
    input = 3
    return input, type


@app.cell
def _(input, type):
    # `type` and `input` are defined by a cell: ordinary parameters.
    # `print`, `len`, `list` are not redefined: never parameters.
    print(type, input, len(list(range(input))))
    return


@app.cell
def _(input):
    # a cell that reads a shadowed builtin and an unshadowed one
    sorted_input = sorted([input, 1])
    return


if __name__ == "__main__":
    app.run()
