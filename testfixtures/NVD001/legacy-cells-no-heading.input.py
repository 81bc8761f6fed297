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
