import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import asyncio
    import marimo as mo
    return asyncio, mo


@app.cell
def _(asyncio, mo):
    async def _echo_model(messages, config):
        """Echoes what the user says, word by word.

        The blank line above holds eight spaces, as editors often leave it.
        """
        for word in messages[-1].content.split():
            yield word + " "
            await asyncio.sleep(0.1)

    _prompt_help = """Type a message.

    The model answers word by word."""
    chatbot = mo.ui.chat(_echo_model, prompts=[_prompt_help])
    return (chatbot,)


@app.cell
def _(chatbot):
    chatbot
    return


if __name__ == "__main__":
    app.run()
