import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import dataclasses

    factor = 3
    return dataclasses, factor


@app.cell
def _(dataclasses, factor):
    # class in a regular cell: reads a cell variable, so it stays a cell
    @dataclasses.dataclass
    class Config:
        size: int = factor
        label: str = "cfg"

        def scaled(self):
            return self.size * factor

    return (Config,)


@app.cell
def _(Config):
    class Plain:
        class_attr = 1
        other = class_attr + 1

        def method(self):
            return other_global


    other_global = Config().scaled()
    return (Plain,)


@app.cell
def _(Config, Plain):
    print(Plain().method(), Config)


    class Trailing(Plain):
        pass

    return (Trailing,)


@app.cell
def _(Trailing):
    Trailing
    return


if __name__ == "__main__":
    app.run()
