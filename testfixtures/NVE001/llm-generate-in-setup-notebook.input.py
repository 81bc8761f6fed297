# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch", "transformers"]
# ///

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer


@app.cell
def _():
    tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-1.5B-Instruct")
    model = AutoModelForCausalLM.from_pretrained(
        "Qwen/Qwen2.5-1.5B-Instruct", torch_dtype=torch.bfloat16, device_map="cuda"
    )
    return model, tokenizer


@app.cell
def _():
    prompt = mo.ui.text_area(value="Explique les flux CUDA en une phrase.", label="Prompt")
    max_new_tokens = mo.ui.slider(16, 2048, step=16, value=256, label="Max new tokens")
    run_button = mo.ui.run_button(label="Générer")
    mo.vstack([prompt, max_new_tokens, run_button])
    return max_new_tokens, prompt, run_button


@app.cell
def _(max_new_tokens, model, prompt, run_button, tokenizer):
    mo.stop(not run_button.value, mo.md("Click **Générer** to start"))
    inputs = tokenizer(prompt.value, return_tensors="pt").to("cuda")
    with torch.inference_mode():
        output_ids = model.generate(**inputs, max_new_tokens=max_new_tokens.value)
    answer = tokenizer.decode(output_ids[0], skip_special_tokens=True)
    mo.md(answer)
    return


if __name__ == "__main__":
    app.run()
