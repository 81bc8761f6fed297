import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _(mo):
    prompt = mo.ui.text_area(placeholder="Décrivez l'image…", label="Prompt")
    negative = mo.ui.text(value="flou", label="Négatif")
    mo.vstack([prompt, negative])
    return negative, prompt


@app.cell
def _(prompt):
    # Runs whenever prompt changes (replaces on_change=print)
    print(prompt.value)
    return


@app.cell
def _(negative):
    # Runs whenever negative changes (replaces on_change=lambda text: ...)
    print("négatif:", negative.value)
    return


if __name__ == "__main__":
    app.run()
