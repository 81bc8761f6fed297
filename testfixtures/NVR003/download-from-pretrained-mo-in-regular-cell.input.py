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
def _(mo):
    model_id = mo.ui.dropdown(
        options=["Qwen/Qwen2.5-0.5B-Instruct", "microsoft/Phi-3-mini-4k-instruct"],
        value="Qwen/Qwen2.5-0.5B-Instruct",
        label="Model",
    )
    model_id
    return (model_id,)


@app.cell
def _(AutoModelForCausalLM, AutoTokenizer, model_id, torch):
    tokenizer = AutoTokenizer.from_pretrained(model_id.value)
    model = AutoModelForCausalLM.from_pretrained(
        model_id.value,
        torch_dtype=torch.bfloat16,
        device_map="cuda",
    )
    return model, tokenizer


@app.cell
def _(mo, model, tokenizer):
    _n_params = sum(p.numel() for p in model.parameters()) / 1e6
    mo.md(f"Loaded **{_n_params:.0f}M** parameters, vocabulary of {tokenizer.vocab_size}")
    return


if __name__ == "__main__":
    app.run()
