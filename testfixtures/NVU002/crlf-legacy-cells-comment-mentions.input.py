import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    return mo,


@app.cell
def __(mo):
    accuracy = 0.93
    print(f"accuracy: {accuracy:.1%}")
    mo.md(f"Accuracy: **{accuracy:.1%}**")
    return accuracy,


@app.cell
def __(accuracy, mo):
    # "print(...)" in a comment or a string is not a call
    mo.md(f"print(accuracy) would show {accuracy}")
    return


if __name__ == "__main__":
    app.run()
