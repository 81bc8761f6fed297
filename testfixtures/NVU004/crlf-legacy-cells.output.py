import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    return mo,


@app.cell
def _(mo):
    mo.md("⚠️ **Attention** : la mémoire GPU est presque pleine.").callout(kind="warn")
    return


if __name__ == "__main__":
    app.run()
