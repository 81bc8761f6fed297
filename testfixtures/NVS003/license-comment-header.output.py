# /// script
# requires-python = ">=3.11"
# dependencies = [
#     "cuml-cu12",
#     "marimo",
#     "numpy",
# ]
# ///

# SPDX-FileCopyrightText: Copyright (c) 2025 NVIDIA CORPORATION & AFFILIATES.
# SPDX-License-Identifier: Apache-2.0

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import numpy as np
    import cuml
    from cuml.cluster import KMeans


@app.cell
def _():
    _points = np.random.default_rng(0).normal(size=(1000, 2)).astype(np.float32)
    _labels = KMeans(n_clusters=3, random_state=0).fit_predict(_points)
    mo.md(f"cuML {cuml.__version__}: {len(set(_labels.tolist()))} clusters")
    return


if __name__ == "__main__":
    app.run()
