import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer


@app.cell
def _():
    load_button = mo.ui.run_button(label="📥 Load model")
    load_button
    return (load_button,)


@app.cell
def _(load_button):
    mo.stop(not load_button.value, mo.md("Click **Load model** to start"))
    tokenizer = AutoTokenizer.from_pretrained("gpt2")
    lm = AutoModelForCausalLM.from_pretrained("gpt2").to("cuda")
    return lm, tokenizer


@app.cell
def _(tokenizer):
    encoded = [tokenizer(_t, return_tensors="pt").to("cuda") for _t in ["Hello", "Bonjour", "こんにちは"]]
    return (encoded,)


@app.cell
def _(encoded, lm, tokenizer):
    # Depends on the gated loader cell (through `encoded` and `lm`): it cannot run before the click.
    completions = [tokenizer.decode(lm.generate(**_e, max_new_tokens=20)[0]) for _e in encoded]
    completions
    return


if __name__ == "__main__":
    app.run()
