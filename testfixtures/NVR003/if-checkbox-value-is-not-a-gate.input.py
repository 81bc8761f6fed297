import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    fine_tune = mo.ui.checkbox(value=True, label="Fine-tune the last layer")
    fine_tune
    return (fine_tune,)


@app.cell
def _(fine_tune):
    backbone = torch.nn.Sequential(torch.nn.Linear(32, 32), torch.nn.ReLU(), torch.nn.Linear(32, 4))
    if fine_tune.value:
        head_optimizer = torch.optim.SGD(backbone[-1].parameters(), lr=0.01)
        for epoch in range(3):
            head_optimizer.zero_grad()
            backbone(torch.randn(16, 32)).logsumexp(-1).mean().backward()
            head_optimizer.step()
    backbone
    return


if __name__ == "__main__":
    app.run()
