"""Elements bound to global names, grouped in containers, or display-only: nothing to report."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo


@app.function
def labelled_slider(label: str):
    """A factory: the caller binds the element."""
    return mo.ui.slider(0, 10, label=label)


@app.cell
def _(chart, table_data):
    epochs = mo.ui.slider(1, 30, value=5, label="Epochs")
    controls = mo.ui.dictionary({
        "lr": mo.ui.number(start=1e-4, stop=1e-1, value=1e-3, label="Learning rate"),
        "optimizer": mo.ui.dropdown(["Adam", "SGD"], value="Adam"),
    })
    thresholds = mo.ui.array([mo.ui.slider(0, 1, step=0.1) for _ in range(3)])
    prompt = mo.ui.text_area(label="Prompt").form(submit_button_label="Generate")
    beta = labelled_slider("β")
    mo.vstack([
        mo.md("## Training"),
        epochs,
        controls,
        thresholds,
        prompt,
        beta,
        mo.ui.table(table_data),
        mo.ui.altair_chart(chart),
        mo.ui.tabs({"Logs": mo.md("...")}),
        mo.md("{a}").batch(a=mo.ui.checkbox(label="Verbose")),
        mo.ui.code_editor("print('read-only')", language="python", disabled=True),
    ])
    return beta, controls, epochs, prompt, thresholds


@app.cell
def _():
    make = lambda: mo.ui.switch(label="Dark mode")

    def build():
        return mo.vstack([mo.ui.checkbox(label="inside a function")])

    _doc = "mo.vstack([mo.ui.slider(1, 10)])  # in a string"
    return build, make


if __name__ == "__main__":
    app.run()
