import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    from transformers import AutoModelForCausalLM, AutoTokenizer

    return AutoModelForCausalLM, AutoTokenizer, mo


@app.cell
def _(AutoModelForCausalLM, mo):
    # The base model, to compare against
    with mo.persistent_cache(name="gpt2"):
        base_model = AutoModelForCausalLM.from_pretrained("gpt2")
    return (base_model,)


@app.cell
def _(AutoModelForCausalLM, AutoTokenizer, mo):
    # The same checkpoint again, to be fine-tuned: a cache of its own
    with mo.persistent_cache(name="gpt2_2"):
        tokenizer = AutoTokenizer.from_pretrained("gpt2")
        tuned_model = AutoModelForCausalLM.from_pretrained("gpt2")
    return tokenizer, tuned_model


@app.cell
def _(base_model, tokenizer, tuned_model):
    inputs = tokenizer("Paris is", return_tensors="pt")
    base_model.generate(**inputs), tuned_model.generate(**inputs)
    return


if __name__ == "__main__":
    app.run()
