import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import asyncio

    import marimo as mo
    return asyncio, mo


@app.cell
def _(asyncio):
    async def save_prompt(text):
        await asyncio.sleep(0)
        print("saved:", text)
    return (save_prompt,)


@app.cell
def _(mo):
    prompt_form = mo.ui.text_area(label="System prompt").form(
        submit_button_label="Save"
    )
    prompt_form
    return (prompt_form,)


@app.cell
async def _(prompt_form, save_prompt):
    # Runs whenever prompt_form changes (replaces on_change=save_prompt)
    await save_prompt(prompt_form.value)
    return


if __name__ == "__main__":
    app.run()
