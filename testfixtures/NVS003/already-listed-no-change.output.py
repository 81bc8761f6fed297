# /// script
# requires-python = ">=3.10"
# dependencies = [
#     "cudf-cu12>=24.12; sys_platform == 'linux'",
#     "marimo>=0.25.2",
#     "opencv-python-headless>=4.9",
#     "Pillow",
#     "scikit_learn",
#     "torch>=2.4",
# ]
# [tool.uv]
# extra-index-url = ["https://pypi.nvidia.com"]
# ///

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import cudf
    import cv2
    import marimo as mo
    import torch
    from PIL import Image
    from sklearn.cluster import KMeans


@app.cell
def _():
    from .helpers import palette

    _image = Image.new("RGB", (8, 8))
    _pixels = cudf.DataFrame(cv2.cvtColor(torch.zeros(8, 8, 3).numpy(), cv2.COLOR_RGB2HSV).reshape(-1, 3))
    clusters = KMeans(n_clusters=2).fit(_pixels.to_pandas())
    return


if __name__ == "__main__":
    app.run()
