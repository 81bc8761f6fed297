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
def _(VERBOSE, events, log_event, mo, ui):
    n_layers = mo.ui.slider(1, 48, value=12, label="Layers", on_change=lambda v: (log_event("layers", v), print(len(events))))
    n_heads = mo.ui.slider(1, 32, value=8, label="Heads", on_change=lambda v: (print("heads", v)))
    clear = mo.ui.switch(label="Clear log", on_change=lambda: events.clear())
    tags = mo.ui.multiselect(["vision", "text"], label="Tags", on_change=lambda *selected: log_event("tags", selected))
    ratios = mo.ui.range_slider(0, 10, label="Ratios", on_change=lambda v: [log_event("ratio", v) for v in v])
    head_dim = ui.number(32, 256, step=32, value=64, on_change=print if VERBOSE else log_event)
    mo.vstack([n_layers, n_heads, clear, tags, ratios, head_dim])
    return


if __name__ == "__main__":
    app.run()
