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
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        random.seed(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(random, seed, set_seed):
    set_seed(seed)
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
