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
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = torch.nn.Linear(4, 1).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss_per_epoch = []
    for epoch in range(3):
        total = torch.zeros((), device=device)
        for step in range(10):
            x = torch.randn(8, 4, device=device)
            loss = model(x).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.detach()
            if step % 5 == 0:
                mo.output.append(mo.md(f"step {step}: {loss.item():.4f}"))
        loss_per_epoch.append(total.item() / 10)  # once per epoch
    # evaluation loop: no training step, reading back is expected
    scores = [model(torch.randn(2, 4, device=device)).sum().item() for _ in range(3)]
    mo.md(f"Loss per epoch: {[round(l, 4) for l in loss_per_epoch]}; scores {len(scores)}")
    return


if __name__ == "__main__":
    app.run()
