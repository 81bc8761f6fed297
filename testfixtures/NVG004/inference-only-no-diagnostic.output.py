import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    from transformers import pipeline

    return mo, pipeline


@app.cell
def _(pipeline):
    classifier = pipeline("sentiment-analysis", device="cuda")
    results = classifier(["great", "awful"], batch_size=8)
    return (results,)


if __name__ == "__main__":
    app.run()
