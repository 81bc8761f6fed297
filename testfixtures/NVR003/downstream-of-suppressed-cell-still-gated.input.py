"""A linear probe on CLIP image features (CIFAR-10)."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import numpy as np
    import torch
    import torchvision
    from sklearn.linear_model import LogisticRegression
    from transformers import CLIPModel, CLIPProcessor


@app.cell
def _():
    # 600 MB, cached after the first run: the author wants it loaded when the notebook opens.
    clip = CLIPModel.from_pretrained("openai/clip-vit-base-patch32").to("cuda")  # noqa: NVR003
    processor = CLIPProcessor.from_pretrained("openai/clip-vit-base-patch32")
    return clip, processor


@app.cell
def _(clip, processor):
    _data = torchvision.datasets.CIFAR10("data", train=True)
    _features, _targets = [], []
    with torch.no_grad():
        for _i in range(0, 10_000, 500):
            _images = [_data[_j][0] for _j in range(_i, _i + 500)]
            _inputs = processor(images=_images, return_tensors="pt").to("cuda")
            _features.append(clip.get_image_features(**_inputs).cpu().numpy())
            _targets += [_data[_j][1] for _j in range(_i, _i + 500)]
    features = np.concatenate(_features)
    targets = np.array(_targets)
    return features, targets


@app.cell
def _(features, targets):
    # The model cell is not gated (its diagnostic is suppressed): this cell needs its own button.
    probe = LogisticRegression(max_iter=2000, C=0.3)
    probe.fit(features, targets)
    mo.md(f"Linear probe accuracy on the training features: **{probe.score(features, targets):.3f}**")
    return


if __name__ == "__main__":
    app.run()
