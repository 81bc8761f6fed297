# A button's callback runs on a click only. A cell reading `.value` would also run when the
# notebook opens, so a wizard's "next" or a confirmation would fire by itself: buttons, under
# any alias, are reported without a fix; the slider in the same cell is fixed.
import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import marimo.ui as ui
    return mo, ui


@app.cell
def _(mo):
    get_step, set_step = mo.state(0)
    return get_step, set_step


@app.cell
def _(mo, set_step, ui):
    next_button = mo.ui.button(label="Next", on_change=lambda _: set_step(1))
    confirm = ui.run_button(label="Confirm", on_change=lambda _: set_step(2))
    zoom = mo.ui.slider(1, 10, value=2, label="Zoom", on_change=lambda v: print("zoom", v))
    mo.hstack([next_button, confirm, zoom])
    return confirm, next_button, zoom


@app.cell
def _(get_step, mo):
    mo.md(f"Step {get_step()}")
    return


if __name__ == "__main__":
    app.run()
