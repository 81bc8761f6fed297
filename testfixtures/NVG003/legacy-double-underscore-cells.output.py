import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
def __():
    import torch
    return torch,


@app.cell
def __(torch):
    model = torch.nn.Linear(4, 4).cuda()
    return model,


@app.cell
def _(model, torch):
    del model
    torch.cuda.empty_cache()
    return


@app.cell(hide_code=True)
def __(mo):
    mo.md(r"""# Untouched legacy cell""")
    return


if __name__ == "__main__":
    app.run()

