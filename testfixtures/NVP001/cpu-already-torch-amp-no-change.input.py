import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from torch.amp import GradScaler


@app.cell(hide_code=True)
def _():
    mo.md("""
    ## Mixed precision 🚀

    `torch.cuda.amp.autocast()` is deprecated: this notebook uses `torch.autocast("cuda")`.
    """)
    return


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = torch.nn.Linear(8, 2).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    # not torch.cuda.amp.GradScaler(): the generic one takes the device
    scaler = GradScaler(device, enabled=device == "cuda")
    return device, model, optimizer, scaler


@app.cell
def _(device, model, optimizer, scaler):
    amp = {"enabled": device == "cuda"}
    with torch.autocast(device, dtype=torch.bfloat16, **amp):
        loss = model(torch.randn(4, 8, device=device)).pow(2).mean()
    optimizer.zero_grad()
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    loss.item()
    return


if __name__ == "__main__":
    app.run()
