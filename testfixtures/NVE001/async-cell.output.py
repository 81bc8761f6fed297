import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import asyncio

    import marimo as mo
    import torch


@app.cell
def _():
    model = torch.nn.TransformerEncoder(
        torch.nn.TransformerEncoderLayer(d_model=1024, nhead=16, batch_first=True), num_layers=12
    ).cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    return model, optimizer


@app.cell
async def _(model, optimizer):
    _progress = mo.status.progress_bar(total=50, title="Training")
    try:
        for _step in range(50):
            _x = torch.randn(64, 512, 1024, device="cuda")
            _loss = model(_x).pow(2).mean()
            _loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            _progress.update()
            await asyncio.sleep(0)  # let the UI refresh
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _free_bytes, _total_bytes = torch.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {torch.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Reduce the batch size, or train in mixed precision (`torch.autocast`)
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    mo.md(f"Final loss: **{_loss.item():.4f}**")
    return


if __name__ == "__main__":
    app.run()
