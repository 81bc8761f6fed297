import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import contextlib

    import marimo as m
    from marimo import stop


@app.function
def require_positive(value: float) -> float:
    """Stops the calling cell on a non-positive value... or so it seems."""
    try:
        stop(value <= 0, m.md(f"❌ {value} must be positive"))
    except (ValueError, BaseException):
        pass
    return value


@app.cell
async def _():
    import asyncio

    await asyncio.sleep(0)
    with contextlib.suppress(BaseException):
        m.stop(True, m.md("Stopped?"))
    return


@app.cell
def _():
    try:
        try:
            m.stop(True)
        except Exception:
            print("inner handler: not reached by mo.stop")
    except:  # the outer bare except catches it
        print("swallowed")
    return


@app.cell
def _():
    _doc = "try: mo.stop(True) except: pass  # only a string"
    # try: mo.stop(True)
    # except: pass
    _doc
    return


if __name__ == "__main__":
    app.run()
