import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import numpy as np
    import torch

    return np, torch


@app.cell
def _(torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    grid = torch.arange(16, dtype=torch.float32, device=device).reshape(4, 4)
    norm = torch.nn.LayerNorm(4).to(device)
    normalized = norm(grid)
    return (normalized,)


@app.cell
def _(normalized, np):
    # Normal distribution check (no sampling here)
    summary = np.percentile(normalized.detach().cpu().numpy(), [5, 50, 95])
    summary
    return


if __name__ == "__main__":
    app.run()
