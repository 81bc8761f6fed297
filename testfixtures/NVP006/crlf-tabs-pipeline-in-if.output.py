import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
	import marimo as mo
	import torch
	from diffusers import StableDiffusionPipeline

	return StableDiffusionPipeline, mo, torch


@app.cell
def _(StableDiffusionPipeline, mo, torch):
    if torch.cuda.is_available():
    	# Pipeline « Stable Diffusion » en demi-précision
    	with mo.persistent_cache(name="stable_diffusion_v1_5"):
    		pipe = StableDiffusionPipeline.from_pretrained(
    			"runwayml/stable-diffusion-v1-5",
    			torch_dtype=torch.float16,
    		)
    	pipe = pipe.to("cuda")
    else:
    	pipe = None
    mo.md("Pipeline prête ✅" if pipe else "Pas de GPU")
    return (pipe,)


@app.cell
def _(pipe):
	pipe("un renard à l’aquarelle").images[0]
	return


if __name__ == "__main__":
    app.run()
