import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numba
    import torch

    return mo, numba, torch


@app.cell
def _(numba):
    @numba.njit
    def simulate(num_steps):
        total = 0.0
        for step in range(num_steps):
            total += step * 0.5
        return total

    @numba.jit(
        nopython=True,
    )
    def relax(grid, max_steps):
        for step in range(max_steps):
            grid = grid * 0.9
        return grid
    return relax, simulate


@app.cell
def _(torch):
    @torch.compile
    def unrolled(x, num_steps):
        for step in range(num_steps):
            x = x + 1
        return x
    return (unrolled,)


@app.cell
def _(mo):
    def plain(num_steps):
        total = 0
        for step in mo.status.progress_bar(range(num_steps), title="Running steps"):
            total += step
        return total

    return


if __name__ == "__main__":
    app.run()
