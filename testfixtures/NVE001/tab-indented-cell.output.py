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
    model = torch.nn.Linear(1024, 1024).cuda()
    optimizer = torch.optim.Adam(model.parameters())
    try:
    	for _ in range(10):
    		loss = model(torch.randn(256, 1024, device="cuda")).pow(2).mean()
    		loss.backward()
    		optimizer.step()
    		optimizer.zero_grad()
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
    loss.item()
    return


if __name__ == "__main__":
    app.run()
