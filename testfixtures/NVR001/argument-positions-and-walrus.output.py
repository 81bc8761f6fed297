import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _(mo):
    def show(value):
        print("→", value)

    model_name = mo.ui.dropdown(options=["llama-3-8b", "mistral-7b"], value="mistral-7b")
    quantize = mo.ui.switch(value=False, label="4-bit")
    warm_up = mo.ui.run_button(on_change=show)
    reset = mo.ui.text()
    max_tokens = mo.ui.number(16, 4096, value=256)
    legacy = mo.ui.checkbox(label="Legacy mode")
    debug = mo.ui.checkbox(label="Debug", on_change=show)  # noqa: NVR001
    mo.hstack([
        model_name,
        quantize,
        top_k := mo.ui.slider(1, 100, value=40, label="top-k"),
        warm_up,
        reset,
        max_tokens,
        legacy,
        debug,
    ])
    return max_tokens, model_name, quantize, reset, show, top_k


@app.cell
def _(model_name, show):
    # Runs whenever model_name changes (replaces on_change=show)
    show(model_name.value)
    return


@app.cell
def _(quantize, show):
    # Runs whenever quantize changes (replaces on_change=show)
    show(quantize.value)
    return


@app.cell
def _(reset, show):
    # Runs whenever reset changes (replaces on_change=show)
    show(reset.value)
    return


@app.cell
def _(max_tokens, show):
    # Runs whenever max_tokens changes (replaces on_change=show)
    show(max_tokens.value)
    return


@app.cell
def _(show, top_k):
    # Runs whenever top_k changes (replaces on_change=show)
    show(top_k.value)
    return


if __name__ == "__main__":
    app.run()
