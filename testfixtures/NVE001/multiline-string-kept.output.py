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
    try:
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
                    - Train in mixed precision (`torch.autocast`), or on fewer samples at a time
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    model.eval()
    return


if __name__ == "__main__":
    app.run()
