import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import os

    return (os,)


@app.cell
def _():
    from pathlib import Path

    return (Path,)


@app.cell
def _(Path, os):
    base = Path(os.getcwd())


    def child(name):
        return base / name

    return base, child


@app.cell
def _(child):
    async def fetch():
        return child("a")


    print(fetch)
    return


@app.cell
def _(child):
    print(child("x"))


    async def fetch_later():
        return child("b")

    return (fetch_later,)


@app.cell
def _(child):
    shape = child("c")


    class Shape:
        where = shape

    return (Shape,)


@app.cell
def _():
    import json  # a trailing comment on the import line

    return (json,)


@app.cell
def _():
    import csv

    # a comment after the last import: no blank line before return
    return (csv,)


@app.cell
def _(json):
    if json:
        import re
    return (re,)


@app.cell
def _(base):
    @staticmethod
    def decorated():
        return base


    decorated
    return


@app.cell
def _(Shape, csv, fetch_later, functools_like, re):
    print(csv, Shape, fetch_later)


    @functools_like
    def last_is_decorated_def():
        return re

    return


if __name__ == "__main__":
    app.run()
