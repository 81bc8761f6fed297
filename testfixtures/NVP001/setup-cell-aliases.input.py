import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")

with app.setup:
    import marimo as mo
    import torch as t
    from torch.cuda import amp


@app.function
def train_step(model, batch, optimizer, scaler):
    """One optimisation step in mixed precision."""
    with amp.autocast():
        loss = model(batch).float().pow(2).mean()
    optimizer.zero_grad()
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
    return loss.detach()


@app.cell
def _():
    net = t.nn.Linear(256, 10).cuda()
    opt = t.optim.Adam(net.parameters())
    grad_scaler = amp.GradScaler(init_scale=2.0**10, growth_interval=500)
    return grad_scaler, net, opt


@app.cell
async def _(grad_scaler, net, opt):
    import asyncio

    for _ in range(10):
        last = train_step(net, t.randn(32, 256, device="cuda"), opt, grad_scaler)
        await asyncio.sleep(0)
    mo.md(f"Loss: {last.item():.3f}")
    return


if __name__ == "__main__":
    app.run()
