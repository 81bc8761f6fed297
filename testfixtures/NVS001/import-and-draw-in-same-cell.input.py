import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np

    return mo, np


@app.cell
def _():
    import random

    questions = ["Q1", "Q2", "Q3", "Q4", "Q5"]
    quiz = random.sample(questions, k=3)
    return quiz, random


@app.cell
def _(np, quiz):
    scores = np.random.randint(0, 10, size=len(quiz))
    return (scores,)


@app.cell
def _(mo, quiz, random, scores):
    mo.md(f"{dict(zip(quiz, scores))}, bonus: {random.random():.2f}")
    return


if __name__ == "__main__":
    app.run()
