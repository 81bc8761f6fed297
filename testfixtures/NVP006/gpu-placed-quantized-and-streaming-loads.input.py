import marimo

__generated_with = "0.14.10"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from datasets import load_dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig

    return (
        AutoModelForCausalLM,
        AutoTokenizer,
        BitsAndBytesConfig,
        load_dataset,
        mo,
        torch,
    )


@app.cell
def _(AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig, load_dataset, torch):
    model_name = "meta-llama/Llama-3.2-1B"
    bnb_config = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16)
    # Quantized and placed by accelerate: these live on the GPU, not in a pickle
    model = AutoModelForCausalLM.from_pretrained(model_name, quantization_config=bnb_config, device_map="auto")
    reference = AutoModelForCausalLM.from_pretrained(model_name, device_map="auto", torch_dtype=torch.bfloat16)
    # A streaming data set loads at once
    stream = load_dataset("allenai/c4", "en", split="train", streaming=True)
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    return model, reference, stream, tokenizer


if __name__ == "__main__":
    app.run()
