import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from diffusers import DiffusionPipeline
    from transformers import AutoProcessor

    processor = AutoProcessor.from_pretrained("openai/clip-vit-base-patch32")


@app.function
def load_pipeline(model_id: str) -> DiffusionPipeline:
    """Load a diffusion pipeline in half precision on the GPU."""
    return DiffusionPipeline.from_pretrained(model_id, torch_dtype=torch.float16).to("cuda")


@app.cell
def _():
    pipe = load_pipeline("stabilityai/sd-turbo")
    return (pipe,)


@app.cell
def _(pipe):
    pipe("a watercolor fox", num_inference_steps=1).images[0]
    return


if __name__ == "__main__":
    app.run()
