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
    model = torch.nn.Linear(10, 2).cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
    return model, optimizer


@app.cell
def _(mo):
    run_button = mo.ui.run_button(label="🚀 Start Training")
    run_button
    return (run_button,)


@app.cell
def _(model, optimizer, run_button, torch):
    if run_button.value:
        # One pass over synthetic batches
        history = []
        for epoch in range(5):
            batch = torch.randn(16, 10, device="cuda")
            loss = model(batch).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            history.append(
                loss.item()
            )
    return (history,)


@app.cell
def _(history, mo):
    mo.md(f"Loss after training: {history[-1]:.4f}")
    return


if __name__ == "__main__":
    app.run()
