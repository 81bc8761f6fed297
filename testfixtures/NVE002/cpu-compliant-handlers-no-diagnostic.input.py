"""Every mo.stop here propagates: nothing to report."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import numpy as np
    from marimo._runtime.control_flow import MarimoStopError


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # Handlers that let `mo.stop` through

    A bare `except:` around `mo.stop(...)` would swallow it; these do not.
    """)
    return


@app.cell
def _():
    _data = np.linspace(0.0, 1.0, 8)
    try:
        mo.stop(_data.size == 0, mo.md("No data"))
        _mean = float(_data.mean())
    except Exception as e:
        print(f"Could not summarise the data: {e}")
    return


@app.cell
def _():
    try:
        mo.stop(False, mo.md("never shown"))
    except:
        print("cleaning up before re-raising")
        raise
    return


@app.cell
def _():
    try:
        _ratio = 1 / 1
    except:
        mo.stop(True, mo.md("❌ Division failed").callout(kind="danger"))
    finally:
        mo.stop(False)
    return


@app.cell
def _():
    try:
        mo.stop(False, mo.md("deliberately caught below"))
    except MarimoStopError:
        pass
    return


@app.cell
def _():
    try:
        def _check(values):
            mo.stop(len(values) == 0, mo.md("Empty"))
            return values

        _checked = _check([1, 2, 3])
    except BaseException:
        _checked = []
    return


if __name__ == "__main__":
    app.run()
