import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import asyncio

    import marimo as mo
    import torch
    from transformers import pipeline


@app.cell
def _():
    mo.stop(not torch.cuda.is_available(), mo.callout(mo.md("This notebook needs an NVIDIA GPU"), kind="danger"))
    generator = pipeline("text-generation", model="gpt2", device=0)
    return (generator,)


@app.cell
def _():
    questions = ["What is CUDA?", "What is a tensor core?"]
    return (questions,)


@app.cell
async def _(generator, questions):
    answers = []
    for _question in questions:
        _out = generator.model.generate(**generator.tokenizer(_question, return_tensors="pt").to("cuda"), max_new_tokens=32)
        answers.append(generator.tokenizer.decode(_out[0]))
        await asyncio.sleep(0)  # let the UI refresh between answers
    mo.ui.table([{"question": q, "answer": a} for q, a in zip(questions, answers)])
    return


if __name__ == "__main__":
    app.run()
