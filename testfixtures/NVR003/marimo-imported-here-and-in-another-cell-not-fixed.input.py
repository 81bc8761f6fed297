import marimo

__generated_with = "0.23.0"
app = marimo.App(width="medium")


@app.cell(hide_code=True)
def title():
    import marimo as mo
    mo.output.replace(mo.md("# Attention sinks — try it yourself"))
    return (mo,)


@app.cell
def load_model():
    import marimo as mo
    from transformers import AutoModelForCausalLM, AutoTokenizer

    with mo.status.spinner("Loading GPT-2..."):
        model = AutoModelForCausalLM.from_pretrained("gpt2", attn_implementation="eager")
        tokenizer = AutoTokenizer.from_pretrained("gpt2")
        model.eval()
    return model, mo, tokenizer


@app.cell
def viz(mo, model, tokenizer):
    _ids = tokenizer("The first token absorbs attention", return_tensors="pt")
    _out = model(**_ids, output_attentions=True)
    mo.md(f"{len(_out.attentions)} layers")
    return


if __name__ == "__main__":
    app.run()
