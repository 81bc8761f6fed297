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

    model_name = mo.ui.dropdown(on_change=show, options=["llama-3-8b", "mistral-7b"], value="mistral-7b")
    quantize = mo.ui.switch(value=False, on_change=show, label="4-bit")
    warm_up = mo.ui.run_button(on_change=show)
    reset = mo.ui.text(
        on_change=show,
    )
    max_tokens = mo.ui.number(16, 4096, value=256,
        on_change=show)
    legacy = mo.ui.checkbox(label="Legacy mode", on_change=lambda v: None)
    debug = mo.ui.checkbox(label="Debug", on_change=show)  # noqa: NVR001
    mo.hstack([
        model_name,
        quantize,
        top_k := mo.ui.slider(1, 100, value=40, label="top-k", on_change=show),
        warm_up,
        reset,
        max_tokens,
        legacy,
        debug,
    ])
    return


if __name__ == "__main__":
    app.run()
