import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np

    return mo, np


@app.cell
def _(np):
    seed = 42


    def set_seed(seed: int) -> None:
        """Seeds every random number generator the notebook uses."""
        import random

        random.seed(seed)
        np.random.seed(seed)


    set_seed(seed)
    return seed, set_seed


@app.cell
def _(seed, set_seed):
    set_seed(seed)
    import random

    questions = ["Q1", "Q2", "Q3", "Q4", "Q5"]
    quiz = random.sample(questions, k=3)
    return quiz, random


@app.cell
def _(np, quiz, seed, set_seed):
    set_seed(seed)
    scores = np.random.randint(0, 10, size=len(quiz))
    return (scores,)


@app.cell
def _(mo, quiz, random, scores, seed, set_seed):
    set_seed(seed)
    mo.md(f"{dict(zip(quiz, scores))}, bonus: {random.random():.2f}")
    return


if __name__ == "__main__":
    app.run()
