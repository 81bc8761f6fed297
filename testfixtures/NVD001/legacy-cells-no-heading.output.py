"""TODO: Title describing the notebook's purpose

TODO: Describe in 2-3 sentences what this notebook does, on which data or model,
and what the user sees or learns.

Features:
- Interactive controls: Batch size (dropdown)
- TODO: the notebook's main capabilities, one per line

Requirements:
- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+
- CUDA TODO+ and NVIDIA driver TODO+
- TensorFlow, Matplotlib
- TODO: downloads (models, data sets) and their size

Tested configurations:
- TODO: OS + GPU (VRAM) + CUDA version, e.g. Ubuntu 22.04 + L4 (24GB) + CUDA 12.4

Author: TODO
Date: TODO (YYYY-MM-DD)
"""

import marimo

__generated_with = "0.8.22"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    import tensorflow as tf
    import matplotlib.pyplot as plt
    return mo, plt, tf


@app.cell
def __(mo):
    mo.md("Some notes about the run, without a heading.")
    return


@app.cell
def __(mo):
    batch_size = mo.ui.dropdown(["32", "64", "128"], value="64")
    batch_size
    return batch_size,


@app.cell
def __(batch_size, tf):
    _gpus = tf.config.list_physical_devices("GPU")
    print(len(_gpus), int(batch_size.value))
    return


if __name__ == "__main__":
    app.run()
