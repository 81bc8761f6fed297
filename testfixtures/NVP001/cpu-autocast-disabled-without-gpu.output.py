import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch

    return mo, torch


@app.cell
def _(torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    use_amp = device == "cuda"
    model = torch.nn.Linear(8, 2).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    scaler = torch.amp.GradScaler("cuda", enabled=use_amp)
    return device, model, optimizer, scaler, use_amp


@app.cell
def _(device, mo, model, optimizer, scaler, torch, use_amp):
    for _ in range(3):
        inputs = torch.randn(4, 8, device=device)
        with torch.autocast("cuda", enabled=use_amp):
            loss = model(inputs).pow(2).mean()
        optimizer.zero_grad()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    mo.md(f"Loss after 3 steps: **{loss.item():.4f}** (AMP {'on' if use_amp else 'off'})")
    return


if __name__ == "__main__":
    app.run()
