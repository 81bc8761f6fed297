"""Zero-shot baselines on MNIST and Fashion-MNIST: two datasets, three checkpoints, two installs."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import os
    import subprocess
    import sys

    from huggingface_hub import snapshot_download
    from torchvision import datasets, transforms
    from transformers import AutoTokenizer


@app.cell
def _():
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "open_clip_torch"], check=True)
    return


@app.cell
def _():
    os.system("pip install -q timm==1.0.9")
    return


@app.cell
def _():
    # Each button is named after what its cell makes.
    mnist = datasets.MNIST("data", train=False, download=True, transform=transforms.ToTensor())
    return


@app.cell
def _():
    fmnist = datasets.FashionMNIST("data", train=False, download=True, transform=transforms.ToTensor())
    return


@app.cell
def _():
    # Not assigned to a name: the model's own name tells the buttons apart.
    snapshot_download("openai/clip-vit-base-patch32", local_dir="checkpoints/clip")
    return


@app.cell
def _():
    snapshot_download("google/siglip-base-patch16-224", local_dir="checkpoints/siglip")
    return


@app.cell
def _():
    _tokenizer = AutoTokenizer.from_pretrained("openai/clip-vit-base-patch32")
    vocab_size = _tokenizer.vocab_size
    return


if __name__ == "__main__":
    app.run()
