import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _(mo):
    prompt = mo.ui.text_area(on_change=print, placeholder="Décrivez l'image…", label="Prompt")
    negative = mo.ui.text(value="flou", on_change=lambda text: print("négatif:", text), label="Négatif")
    mo.vstack([prompt, negative])
    return


if __name__ == "__main__":
    app.run()
