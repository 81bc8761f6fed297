import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer


@app.cell
def _():
    mo.stop(not torch.cuda.is_available(), mo.callout(mo.md("This notebook needs an NVIDIA GPU"), kind="danger"))
    tokenizer = AutoTokenizer.from_pretrained("gpt2")
    lm = AutoModelForCausalLM.from_pretrained("gpt2").to("cuda")
    return lm, tokenizer


@app.cell
def _():
    prompt = mo.ui.text(value="Once upon a time", label="Prompt")
    generate = mo.ui.run_button(label="Generate")
    mo.hstack([prompt, generate])
    return generate, prompt


@app.cell
def _(generate, lm, prompt, tokenizer):
    _inputs = tokenizer(prompt.value, return_tensors="pt").to("cuda")
    samples = []
    if generate.value:
        for _seed in range(3):  # three samples
            torch.manual_seed(_seed)
            _out = lm.generate(**_inputs, max_new_tokens=40, do_sample=True)
            samples.append(tokenizer.decode(_out[0], skip_special_tokens=True))
    mo.md("\n\n".join(samples))
    return


if __name__ == "__main__":
    app.run()
