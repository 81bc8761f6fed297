import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo


@app.function
def labelled_slider(label: str):
    """A slider that prints its value (the callback never reaches the notebook's graph)."""
    return mo.ui.slider(0, 10, label=label, on_change=print)


@app.cell
def _():
    def announce(value):
        print("changed:", value)

    mo.vstack([
        mo.md("### Sampling"),
        mo.ui.slider(1, 50, value=8, label="Steps", on_change=announce),
    ])
    return (announce,)


@app.cell
def _(announce):
    _seed = mo.ui.number(0, 2**31 - 1, value=42, label="Seed", on_change=announce)
    _seed
    return


@app.cell
def _(announce):
    def make_slider(label):
        return mo.ui.slider(0, 1, step=0.1, label=label, on_change=announce)

    sliders = [make_slider("α"), make_slider("β")]
    return


@app.cell
def _():
    checkpoints = [mo.ui.checkbox(label=name, on_change=print) for name in ("best", "last")]
    return


@app.cell
def _():
    run_name = mo.ui.text(label="Run name", on_change=print).form()
    run_name
    return


if __name__ == "__main__":
    app.run()
