import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from PIL import Image
    from google.cloud import storage
    from sklearn.model_selection import train_test_split


@app.cell
def _():
    import cv2
    import yaml
    from my_project.datasets import load_frames

    try:
        import cudf

        has_cudf = True
    except ImportError:
        import pandas as cudf

        has_cudf = False
    return cudf, cv2, has_cudf, load_frames, yaml


@app.cell
def _(cv2, load_frames):
    frames = [cv2.cvtColor(f, cv2.COLOR_BGR2RGB) for f in load_frames("clips/")]
    _train, _test = train_test_split(frames, test_size=0.2)
    thumbnails = [Image.fromarray(f).resize((64, 64)) for f in _train]
    return


if __name__ == "__main__":
    app.run()
