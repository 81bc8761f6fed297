import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    return (mo,)


@app.cell
def _(mo):
    temperature = mo.ui.slider(0.0, 2.0, step=0.1, value=0.7, label="Temperature")
    max_tokens = mo.ui.number(16, 4096, value=256, label="Max new tokens")
    temperature, max_tokens
    return max_tokens, temperature


@app.cell
def _(mo):
    use_fp16 = mo.ui.checkbox(value=True, label="FP16")
    use_compile = mo.ui.switch(label="torch.compile")
    [use_fp16, use_compile]
    return use_compile, use_fp16


@app.cell
def _(max_tokens, mo, temperature, use_compile, use_fp16):
    mo.md(f"{temperature.value} {max_tokens.value} {use_fp16.value} {use_compile.value}")
    return


if __name__ == "__main__":
    app.run()
