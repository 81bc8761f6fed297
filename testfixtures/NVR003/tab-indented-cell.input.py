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
	denoiser = torch.nn.Conv2d(4, 4, 3, padding=1).cuda()
	num_inference_steps = 50
	return denoiser, num_inference_steps


@app.cell
def _(denoiser, mo, num_inference_steps, torch):
	latents = torch.randn(1, 4, 64, 64, device="cuda")
	for step in range(num_inference_steps):
		with torch.no_grad():
			latents = latents - 0.02 * denoiser(latents)
	mo.md(f"Latent norm: {latents.norm():.2f}")
	return


if __name__ == "__main__":
    app.run()
