#!/usr/bin/env python
# -*- coding: utf-8 -*-
# /// script
# requires-python = ">=3.11"
# dependencies = [
#     "marimo",
#     "cupy-cuda12x",
#     "pandas",
# ]
# ///

"""Réduction de matrices avec CuPy — 2ᵉ édition

TODO: Describe in 2-3 sentences what this notebook does, on which data or model,
and what the user sees or learns.

Features:
- TODO: the notebook's main capabilities, one per line

Requirements:
- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+
- CUDA TODO+ and NVIDIA driver TODO+
- CuPy, pandas
- TODO: downloads (models, data sets) and their size

Tested configurations:
- TODO: OS + GPU (VRAM) + CUDA version, e.g. Ubuntu 22.04 + L4 (24GB) + CUDA 12.4

Author: TODO
Date: TODO (YYYY-MM-DD)
"""

import marimo

__generated_with = "0.23.1"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import cupy as cp
    import pandas as pd
    return cp, mo, pd


@app.cell
def _(mo):
    mo.md("""
    ## Vue d'ensemble

    # Réduction de matrices avec CuPy — 2ᵉ édition
    """)
    return


@app.cell
def _(cp, pd):
    _matrix = cp.random.rand(256, 256)
    summary = pd.DataFrame({"norme": [float(cp.linalg.norm(_matrix))]})
    summary
    return


if __name__ == "__main__":
    app.run()
