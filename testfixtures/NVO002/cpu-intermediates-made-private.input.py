import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    data = torch.arange(12, dtype=torch.float32, device=device).reshape(4, 3)
    model = torch.nn.Linear(3, 1).to(device)
    return data, model


@app.cell
def _(data, model, torch):
    # Too many globals pollute the namespace
    intermediate_step_1 = data - data.mean(0)
    intermediate_step_2 = intermediate_step_1 / intermediate_step_1.std(0)
    with torch.no_grad():
        result_temp = model(intermediate_step_2)
    final_output = result_temp.mean()
    return (final_output,)


@app.cell
def _(final_output, mo):
    summary = f"mean output: {final_output.item():.3f}"
    mo.md(summary)
    return


if __name__ == "__main__":
    app.run()
