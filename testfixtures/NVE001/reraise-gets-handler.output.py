"""LLM summaries: load a chat model and summarise pasted text."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import logging

    import marimo as mo
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    return AutoModelForCausalLM, AutoTokenizer, logging, mo, torch


@app.cell
def _(AutoModelForCausalLM, AutoTokenizer, torch):
    model_id = "Qwen/Qwen2.5-1.5B-Instruct"
    tokenizer = AutoTokenizer.from_pretrained(model_id)
    model = AutoModelForCausalLM.from_pretrained(model_id, torch_dtype=torch.bfloat16).to("cuda")
    return model, tokenizer


@app.cell
def _(mo):
    text = mo.ui.text_area(label="Text to summarise", full_width=True)
    max_tokens = mo.ui.slider(32, 1024, value=256, label="Max new tokens")
    mo.vstack([text, max_tokens])
    return max_tokens, text


@app.cell
def _(logging, max_tokens, mo, model, text, tokenizer, torch):
    _inputs = tokenizer(f"Summarise:\n{text.value}", return_tensors="pt").to("cuda")
    try:
        _ids = model.generate(**_inputs, max_new_tokens=max_tokens.value)
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _free_bytes, _total_bytes = torch.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {torch.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Generate fewer tokens at once (lower `max_new_tokens`) or shorten the prompt
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    except Exception:
        logging.exception("generation failed")
        raise
    summary = tokenizer.decode(_ids[0], skip_special_tokens=True)
    return (summary,)


@app.cell
def _(mo, model, summary, tokenizer, torch):
    try:
        _ids = model.generate(
            **tokenizer(f"Three keywords for: {summary}", return_tensors="pt").to("cuda"),
            max_new_tokens=32,
        )
        keywords = tokenizer.decode(_ids[0], skip_special_tokens=True)
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _free_bytes, _total_bytes = torch.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {torch.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Generate fewer tokens at once (lower `max_new_tokens`) or shorten the prompt
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    except RuntimeError as err:
        raise ValueError(f"keyword generation failed: {err}") from err
    return (keywords,)


@app.cell
def _(model, summary, tokenizer):
    # The inner handler raises again, but the outer one falls back.
    try:
        try:
            _ids = model.generate(
                **tokenizer(f"Translate to French: {summary}", return_tensors="pt").to("cuda"),
                max_new_tokens=512,
            )
        except Exception as err:
            print(f"translation failed: {err}")
            raise
        french = tokenizer.decode(_ids[0], skip_special_tokens=True)
    except Exception:
        french = None
    return (french,)


@app.cell
def _(model, summary, tokenizer):
    # A conditional `raise` is the author's decision of what to recover from.
    try:
        _ids = model.generate(
            **tokenizer(f"A title for: {summary}", return_tensors="pt").to("cuda"),
            max_new_tokens=16,
        )
        title = tokenizer.decode(_ids[0], skip_special_tokens=True)
    except Exception as err:
        if "CUDA" not in str(err):
            raise
        title = "Summary"
    return (title,)


@app.cell
def _(french, keywords, mo, summary, title):
    mo.md(f"## {title}\n\n{summary}\n\n**Keywords**: {keywords}\n\n{french or ''}")
    return


if __name__ == "__main__":
    app.run()
