# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo"]
# ///
"""Diffusion settings panel whose controls are created inline, so moving them does nothing."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo

    return (mo,)


@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    # 🎨 Génération d'images

    Réglez les paramètres puis lancez la génération.
    """)
    return


@app.cell
def _(mo):
    mo.vstack([
        mo.md("## Sampling"),
        mo.ui.slider(1, 50, value=8, label="Inference steps"),
        mo.hstack([
            mo.ui.dropdown(["fp16", "bf16", "fp32"], value="fp16", label="🎛️ Précision"),
            mo.ui.number(
                start=1,
                stop=8,
                value=2,
                label="Images per prompt",
            ),
        ]),
    ])
    return


@app.cell
def _(mo):
    mo.ui.run_button(label="✨ Generate")
    return


if __name__ == "__main__":
    app.run()
