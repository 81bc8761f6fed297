import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from torch import nn
    from torch.cuda.amp import GradScaler, autocast

    return GradScaler, autocast, mo, nn, torch


@app.cell
def _(mo):
    use_amp = mo.ui.checkbox(value=True, label="Mixed precision (FP16)")
    use_amp
    return (use_amp,)


@app.cell
def _(GradScaler, nn, torch, use_amp):
    model = nn.Linear(512, 512).cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
    scaler = GradScaler(enabled=use_amp.value)
    return model, optimizer, scaler


@app.cell
def _(autocast, model, optimizer, scaler, torch, use_amp):
    for _ in range(20):
        x = torch.randn(64, 512, device="cuda")
        with autocast(use_amp.value, torch.bfloat16):
            loss = model(x).pow(2).mean()
        optimizer.zero_grad()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    return


@app.cell
def _(autocast, model, torch):
    @torch.no_grad()
    def predict(batch: torch.Tensor) -> torch.Tensor:
        """Inference in half precision."""
        with autocast(
            dtype=torch.float16,
        ):
            return model(batch.cuda())

    return


if __name__ == "__main__":
    app.run()
