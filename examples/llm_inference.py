import marimo

__generated_with = "0.14.17"
app = marimo.App(width="medium")

with app.setup:
    import time

    import marimo as mo
    import numpy as np
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer


@app.function
def build_chat_prompt(tokenizer, system, user):
    messages = [
        {"role": "system", "content": system},
        {"role": "user", "content": user},
    ]
    return tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=True
    )


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # Local LLM chat

    Runs a small instruction-tuned model with 🤗 `transformers` on the GPU. Qwen2.5-1.5B in
    bf16 needs ~3.5 GB of VRAM — a T4 is enough.
    """)
    return


@app.cell
def _():
    model_name = mo.ui.dropdown(
        ["Qwen/Qwen2.5-1.5B-Instruct", "microsoft/Phi-3-mini-4k-instruct"],
        value="Qwen/Qwen2.5-1.5B-Instruct",
        label="Model",
    )
    model_name
    return (model_name,)


@app.cell
def _(model_name):
    tokenizer = AutoTokenizer.from_pretrained(model_name.value)
    model = AutoModelForCausalLM.from_pretrained(
        model_name.value, torch_dtype=torch.bfloat16, device_map="cuda"
    )
    model.eval()
    return model, tokenizer


@app.cell
def _():
    example_prompts = [
        "Explain CUDA streams to a Python developer.",
        "Write a haiku about tensor cores.",
        "What is the boiling point of water at 2,000 m altitude in °C?",
        "Summarise the difference between bf16 and fp16.",
    ]
    suggestion = example_prompts[np.random.randint(len(example_prompts))]
    return (suggestion,)


@app.cell
def _(suggestion):
    prompt = mo.ui.text_area(value=suggestion, label="Prompt", full_width=True)
    max_new_tokens = mo.ui.slider(16, 1024, step=16, value=256, label="Max new tokens")
    temperature = mo.ui.slider(0.0, 2.0, step=0.05, value=0.7, label="Temperature")
    run_button = mo.ui.run_button(label="Generate")
    mo.vstack([prompt, mo.hstack([max_new_tokens, temperature]), run_button])
    return max_new_tokens, prompt, run_button, temperature


@app.cell
def _(max_new_tokens, model, prompt, run_button, temperature, tokenizer):
    answer = mo.md("_Press **Generate**_")
    if run_button.value:
        text = build_chat_prompt(tokenizer, "You are a helpful assistant.", prompt.value)
        inputs = tokenizer(text, return_tensors="pt").to("cuda")
        start = time.perf_counter()
        with torch.no_grad():
            output_ids = model.generate(
                **inputs,
                max_new_tokens=max_new_tokens.value,
                do_sample=temperature.value > 0,
                temperature=temperature.value,
            )
        elapsed = time.perf_counter() - start
        new_tokens = output_ids[0][inputs["input_ids"].shape[1] :]
        answer = mo.vstack(
            [
                mo.md(tokenizer.decode(new_tokens, skip_special_tokens=True)),
                mo.md(f"{len(new_tokens)} tokens — {len(new_tokens) / elapsed:.1f} tok/s"),
            ]
        )
    answer
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Sampling noise

    Three temperatures drawn at random around the slider value, to see how much the answer
    wanders.
    """)
    return


@app.cell
def _(temperature):
    jittered = np.clip(temperature.value + np.random.normal(0, 0.2, size=3), 0.05, 2.0)
    mo.md(", ".join(f"{t:.2f}" for t in jittered))
    return


if __name__ == "__main__":
    app.run()
