# /// script
# requires-python = ">=3.11"
# dependencies = ["marimo", "torch>=2.4", "transformers>=4.44"]
# ///
"""Best-of-n sampling with a small chat model, scored by a reward model."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from transformers import AutoModelForCausalLM, AutoModelForSequenceClassification, AutoTokenizer


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 🎯 Best-of-n sampling

    Sample several answers per question from Qwen2.5-0.5B-Instruct and keep the one the
    reward model prefers.
    """)
    return


@app.cell
def _():
    MODEL_ID = "Qwen/Qwen2.5-0.5B-Instruct"
    REWARD_ID = "OpenAssistant/reward-model-deberta-v3-large-v2"
    return MODEL_ID, REWARD_ID


@app.cell
def _():
    download_button = mo.ui.run_button(label="📥 Download model")
    download_button
    return (download_button,)


@app.cell
def _(MODEL_ID, download_button):
    mo.stop(not download_button.value, mo.md("Click **Download model** to start the download and the generation that follows"))

    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
    lm = AutoModelForCausalLM.from_pretrained(MODEL_ID, torch_dtype=torch.bfloat16).to("cuda")
    return lm, tokenizer


@app.cell
def _():
    questions = mo.ui.text_area(
        value="Why do GPUs need warps?\nWhat does torch.compile do?",
        label="Questions (one per line)",
    )
    questions
    return (questions,)


@app.cell
def _(questions, tokenizer):
    chats = [
        tokenizer.apply_chat_template([{"role": "user", "content": _q}], tokenize=False, add_generation_prompt=True)
        for _q in questions.value.splitlines()
        if _q.strip()
    ]
    return (chats,)


@app.cell
def _(chats, lm, tokenizer):
    # Runs only once the model cell above has run: no button of its own.
    candidates = []
    for _chat in chats:
        _inputs = tokenizer(_chat, return_tensors="pt").to("cuda")
        _out = lm.generate(**_inputs, max_new_tokens=128, do_sample=True, num_return_sequences=4)
        candidates.append(tokenizer.batch_decode(_out[:, _inputs["input_ids"].shape[1] :], skip_special_tokens=True))
    return (candidates,)


@app.cell
def _(REWARD_ID, candidates, questions):
    # Depends on the model cell through `candidates`.
    _rm_tokenizer = AutoTokenizer.from_pretrained(REWARD_ID)
    _rm = AutoModelForSequenceClassification.from_pretrained(REWARD_ID).to("cuda")
    best = []
    for _q, _answers in zip(questions.value.splitlines(), candidates):
        _batch = _rm_tokenizer([_q] * len(_answers), _answers, return_tensors="pt", padding=True).to("cuda")
        with torch.no_grad():
            _scores = _rm(**_batch).logits[:, 0]
        best.append(_answers[int(_scores.argmax())])
    mo.md("\n\n---\n\n".join(best))
    return


if __name__ == "__main__":
    app.run()
