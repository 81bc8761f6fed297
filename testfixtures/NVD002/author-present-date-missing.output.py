"""rapids_etl.py

GPU ETL with cuDF
=================

Aggregates synthetic sensor readings with RAPIDS cuDF.

Features:
- Group-by over 10 million rows

Requirements:
- NVIDIA GPU with 8GB+ VRAM (Volta or newer)
- CUDA 12.0+

Works on: T4 (16GB), A100 (40GB)

Author: RAPIDS community
Date: TODO (YYYY-MM-DD)
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import cudf
    return (cudf,)


@app.cell
def _(cudf):
    _frame = cudf.DataFrame({"site": ["a", "b", "a"], "value": [1.0, 2.0, 3.0]})
    _frame.groupby("site").value.mean()
    return


if __name__ == "__main__":
    app.run()
