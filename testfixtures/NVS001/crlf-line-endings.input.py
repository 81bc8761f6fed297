import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import random
    import marimo as mo

    return mo, random


@app.cell
def _(random):
    deck = list(range(52))
    random.shuffle(deck)
    hand = deck[:5]
    return (hand,)


@app.cell
def _(hand, mo):
    mo.md(f"Main tirée : {hand}")
    return


if __name__ == "__main__":
    app.run()
