"""Buttons inside containers, made by a factory, or handed over by keyword."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo


@app.function
def make_button(label: str):
    """A factory: the caller decides what reads the button."""
    return mo.ui.run_button(label=label)


@app.cell
def _():
    actions = mo.ui.dictionary({"run": mo.ui.run_button(label="Run"), "stop": mo.ui.run_button(label="Stop")})
    sweep_button = make_button("Sweep")
    benchmark_button = mo.ui.run_button(label="⏱️ Benchmark")
    preview_button = mo.ui.run_button(label="Preview")
    mo.vstack([actions, sweep_button, benchmark_button, preview_button])
    return actions, benchmark_button, preview_button, sweep_button


@app.cell
def _(actions, sweep_button):
    def launch(trigger=None):
        return bool(trigger is not None and trigger.value)

    mo.stop(not actions.value["run"], mo.md("Click **Run**"))
    launch(trigger=sweep_button)
    return


@app.cell
async def _(benchmark_button, preview_button):
    import asyncio

    await asyncio.sleep(0)
    mo.hstack([benchmark_button, preview_button])
    mo.md(f"Benchmark button: {benchmark_button}")
    return


if __name__ == "__main__":
    app.run()
