import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(mo, torch):
    model = torch.nn.Linear(2048, 2048).cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    # warm-up step so that cuBLAS picks its algorithms
    model(torch.randn(4096, 2048, device="cuda")).square().mean().backward()
    log_header = """\
    epoch   loss
    -----   ------"""
    print(log_header)
    for epoch in range(3):
        loss = model(torch.randn(4096, 2048, device="cuda")).square().mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        mo.output.append(mo.md(f"""
    Epoch {epoch}: loss **{loss.item():.4f}**
    """))
    model.eval()
    return


if __name__ == "__main__":
    app.run()
