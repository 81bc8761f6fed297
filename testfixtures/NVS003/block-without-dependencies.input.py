# /// script
# requires-python = ">=3.12"
# ///

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from transformers import AutoTokenizer
    return AutoTokenizer, mo


@app.cell
def _(AutoTokenizer, mo):
    tokenizer = AutoTokenizer.from_pretrained("gpt2")
    mo.md(f"Vocabulary: **{tokenizer.vocab_size:,}** tokens")
    return


if __name__ == "__main__":
    app.run()
