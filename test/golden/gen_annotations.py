import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    from typing import Optional

    import numpy as np


@app.cell
def _():
    import pandas as pd


    class Local:
        pass

    return Local, pd


@app.cell
def _(count: int):
    # reads `count`, which a later cell defines as `count: int = 1`
    count * 2
    return


@app.cell
def _(Local, pd):
    count: int = 1
    ratio: float = 0.5
    maybe: Optional[str] = None
    array: np.ndarray = np.zeros(2)
    frame: pd.DataFrame = pd.DataFrame()
    local: Local = Local()
    mapping: dict[str, "Local"] = {}
    nested: dict[pd.Series, "Local"] = {}
    declared_only: int
    plain = 3
    return (
        array,
        count,
        declared_only,
        frame,
        local,
        mapping,
        maybe,
        nested,
        plain,
        ratio,
    )


@app.cell
def _(
    array: np.ndarray,
    count: int,
    declared_only: int,
    frame: "pd.DataFrame",
    local: "Local",
    mapping: dict[str, "Local"],
    maybe: Optional[str],
    nested: "dict[pd.Series, \"Local\"]",
    plain,
    ratio: float,
):
    # setup names and builtins in an annotation stay bare;
    # names that are not visible are quoted
    print(count, ratio, maybe, array, frame, local, mapping, nested)
    print(plain, declared_only)
    return


if __name__ == "__main__":
    app.run()
