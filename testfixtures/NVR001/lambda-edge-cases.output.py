import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    from marimo import ui
    return mo, ui


@app.cell
def _():
    events = []
    VERBOSE = True


    def log_event(name, value):
        events.append((name, value))
    return VERBOSE, events, log_event


@app.cell
def _(mo, ui):
    n_layers = mo.ui.slider(1, 48, value=12, label="Layers")
    n_heads = mo.ui.slider(1, 32, value=8, label="Heads")
    clear = mo.ui.switch(label="Clear log")
    tags = mo.ui.multiselect(["vision", "text"], label="Tags")
    ratios = mo.ui.range_slider(0, 10, label="Ratios")
    head_dim = ui.number(32, 256, step=32, value=64)
    mo.vstack([n_layers, n_heads, clear, tags, ratios, head_dim])
    return clear, head_dim, n_heads, n_layers, ratios, tags


@app.cell
def _(events, log_event, n_layers):
    # Runs whenever n_layers changes (replaces on_change=lambda v: ...)
    log_event("layers", n_layers.value)
    print(len(events))
    return


@app.cell
def _(n_heads):
    # Runs whenever n_heads changes (replaces on_change=lambda v: ...)
    print("heads", n_heads.value)
    return


@app.cell
def _(clear, events):
    # Runs whenever clear changes (replaces on_change=lambda: ...)
    _ = clear.value
    events.clear()
    return


@app.cell
def _(log_event, tags):
    # Runs whenever tags changes (replaces on_change=lambda *selected: ...)
    (lambda *selected: log_event("tags", selected))(tags.value)
    return


@app.cell
def _(log_event, ratios):
    # Runs whenever ratios changes (replaces on_change=lambda v: ...)
    (lambda v: [log_event("ratio", v) for v in v])(ratios.value)
    return


@app.cell
def _(VERBOSE, head_dim, log_event):
    # Runs whenever head_dim changes (replaces on_change=print if VERBOSE else log_event)
    (print if VERBOSE else log_event)(head_dim.value)
    return


if __name__ == "__main__":
    app.run()
