import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    return AutoModelForCausalLM, AutoTokenizer, mo, torch


@app.cell
def _(torch):
    MODEL_ID = "Qwen/Qwen2.5-0.5B-Instruct"
    device = torch.device("cuda")
    return MODEL_ID, device


@app.cell
def _(AutoModelForCausalLM, AutoTokenizer, MODEL_ID, device, mo, torch):
    # Weights are downloaded from the Hugging Face Hub on first use
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
    model = AutoModelForCausalLM.from_pretrained(MODEL_ID, torch_dtype=torch.float16).to(device).eval()
    mo.md(f"Loaded **{MODEL_ID}** ({sum(p.numel() for p in model.parameters()) / 1e6:.0f} M parameters)")
    return model, tokenizer


@app.cell
def _(model, tokenizer):
    inputs = tokenizer("The capital of France is", return_tensors="pt").to(model.device)
    tokenizer.decode(model.generate(**inputs, max_new_tokens=8)[0])
    return


if __name__ == "__main__":
    app.run()
