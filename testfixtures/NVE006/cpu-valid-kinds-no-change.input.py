"""Callouts with the five valid kinds only: nothing to fix."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np

    return mo, np


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # Callout gallery

    Older examples used `kind="alert"` or `kind="warning"`: marimo now rejects them.
    """)
    return


@app.cell
def _(mo, np):
    _values = np.arange(6, dtype=np.float32)
    _kind = "success" if _values.sum() > 0 else "warn"
    mo.vstack([
        mo.callout(mo.md("Neutral note"), kind="neutral"),
        mo.callout(mo.md("ℹ️ Informations utiles"), "info"),
        mo.md("⚠️ Careful").callout(kind="warn"),
        mo.md("❌ Broken").callout("danger"),
        mo.md(f"Sum: {_values.sum()}").callout(kind=_kind),
        mo.md("Done").callout(),
    ])
    return


if __name__ == "__main__":
    app.run()
