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
    scale = 2.0
    counter = 0

    def scaled(values, scale=scale):
        """Multiply by a scale (the default is bound when the function is defined)."""
        return [v * scale for v in values]

    def bump():
        """Count calls in the cell's `counter`."""
        global counter
        counter += 1
        return counter

    def shadow(scale):
        """A parameter that shadows the cell's `scale`."""
        return scale + 1

    squares = [scale * x for x in range(3)]
    pairs = {scale: [scale for scale in range(2)]}
    adder = lambda scale: scale + 1
    tripled = lambda: scale * 3
    report = dict(scale=scale, text=f"scale is {scale}", weight=torch.nn.Linear(2, 2).weight.shape)
    note = "scale stays as it is in strings"  # and in comments: scale
    for step in range(2):
        bump()
    mo.md(f"{squares} {pairs} {adder(1)} {tripled()} {report['text']} {note} {step} {shadow(1)} {scaled([1])} {counter}")
    return


if __name__ == "__main__":
    app.run()
