import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(mo, torch):
    _scale = 2.0
    counter = 0

    def _scaled(values, scale=_scale):
        """Multiply by a scale (the default is bound when the function is defined)."""
        return [v * scale for v in values]

    def _bump():
        """Count calls in the cell's `counter`."""
        global counter
        counter += 1
        return counter

    def _shadow(scale):
        """A parameter that shadows the cell's `scale`."""
        return scale + 1

    _squares = [_scale * x for x in range(3)]
    _pairs = {_scale: [scale for scale in range(2)]}
    _adder = lambda scale: scale + 1
    _tripled = lambda: _scale * 3
    _report = dict(scale=_scale, text=f"scale is {_scale}", weight=torch.nn.Linear(2, 2).weight.shape)
    _note = "scale stays as it is in strings"  # and in comments: scale
    for _step in range(2):
        _bump()
    mo.md(f"{_squares} {_pairs} {_adder(1)} {_tripled()} {_report['text']} {_note} {_step} {_shadow(1)} {_scaled([1])} {counter}")
    return


if __name__ == "__main__":
    app.run()
