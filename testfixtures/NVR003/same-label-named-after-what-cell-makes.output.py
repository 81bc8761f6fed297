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
    install_button = mo.ui.run_button(label="📦 Install packages: open_clip_torch")
    install_button
    return (install_button,)


@app.cell
def _(install_button):
    mo.stop(not install_button.value, mo.md("Click **Install packages: open_clip_torch** to install the packages"))

    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "open_clip_torch"], check=True)
    return


@app.cell
def _():
    install_button_2 = mo.ui.run_button(label="📦 Install packages: timm")
    install_button_2
    return (install_button_2,)


@app.cell
def _(install_button_2):
    mo.stop(not install_button_2.value, mo.md("Click **Install packages: timm** to install the packages"))

    os.system("pip install -q timm==1.0.9")
    return


@app.cell
def _():
    download_button = mo.ui.run_button(label="📥 Download data: mnist")
    download_button
    return (download_button,)


@app.cell
def _(download_button):
    mo.stop(not download_button.value, mo.md("Click **Download data: mnist** to start the download"))

    # Each button is named after what its cell makes.
    mnist = datasets.MNIST("data", train=False, download=True, transform=transforms.ToTensor())
    return


@app.cell
def _():
    download_button_2 = mo.ui.run_button(label="📥 Download data: fmnist")
    download_button_2
    return (download_button_2,)


@app.cell
def _(download_button_2):
    mo.stop(not download_button_2.value, mo.md("Click **Download data: fmnist** to start the download"))

    fmnist = datasets.FashionMNIST("data", train=False, download=True, transform=transforms.ToTensor())
    return


@app.cell
def _():
    download_button_3 = mo.ui.run_button(label="📥 Download model: clip-vit-base-patch32")
    download_button_3
    return (download_button_3,)


@app.cell
def _(download_button_3):
    mo.stop(not download_button_3.value, mo.md("Click **Download model: clip-vit-base-patch32** to start the download"))

    # Not assigned to a name: the model's own name tells the buttons apart.
    snapshot_download("openai/clip-vit-base-patch32", local_dir="checkpoints/clip")
    return


@app.cell
def _():
    download_button_4 = mo.ui.run_button(label="📥 Download model: siglip-base-patch16-224")
    download_button_4
    return (download_button_4,)


@app.cell
def _(download_button_4):
    mo.stop(not download_button_4.value, mo.md("Click **Download model: siglip-base-patch16-224** to start the download"))

    snapshot_download("google/siglip-base-patch16-224", local_dir="checkpoints/siglip")
    return


@app.cell
def _():
    download_button_5 = mo.ui.run_button(label="📥 Download model: tokenizer")
    download_button_5
    return (download_button_5,)


@app.cell
def _(download_button_5):
    mo.stop(not download_button_5.value, mo.md("Click **Download model: tokenizer** to start the download"))

    _tokenizer = AutoTokenizer.from_pretrained("openai/clip-vit-base-patch32")
    vocab_size = _tokenizer.vocab_size
    return


if __name__ == "__main__":
    app.run()
