import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import functools

    from flask import Flask

    server = Flask(__name__)
    return functools, server


@app.cell
def _(functools, server):
    @server.route(
        "/predict",
        methods=["POST"],
    )
    def predict():
        return {"ok": True}

    @functools.lru_cache(maxsize=None)
    def cached_square(value):
        return value * value

    def _helper(value):
        return value + 1

    _scratch = _helper(cached_square(3))
    print(_scratch)
    return


@app.cell
def _():
    def test_addition():
        assert 1 + 1 == 2

    def testing_helper():
        return 3
    return


if __name__ == "__main__":
    app.run()
