import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import torch
	from torch.cuda.amp import custom_bwd, custom_fwd

	return custom_bwd, custom_fwd, torch


@app.cell
def _(custom_bwd, custom_fwd, torch):
	class ScaledSiLU(torch.autograd.Function):
		"""SiLU × 2 — précision mixte personnalisée."""

		@staticmethod
		@custom_fwd(cast_inputs=torch.float32)
		def forward(ctx, x):
			ctx.save_for_backward(x)
			return 2 * torch.nn.functional.silu(x)

		@staticmethod
		@custom_bwd
		def backward(ctx, grad):
			(x,) = ctx.saved_tensors
			s = torch.sigmoid(x)
			return 2 * grad * (s * (1 + x * (1 - s)))

	return (ScaledSiLU,)


@app.cell
def _(ScaledSiLU, torch):
	with torch.cuda.amp.autocast(
		enabled=True,
		dtype=torch.float16
	):
		out = ScaledSiLU.apply(torch.randn(16, device="cuda"))
	out
	return


if __name__ == "__main__":
    app.run()
