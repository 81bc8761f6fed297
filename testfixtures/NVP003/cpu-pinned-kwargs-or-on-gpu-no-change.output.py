import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader, TensorDataset


@app.cell(hide_code=True)
def _():
    mo.md("""
    Every `DataLoader(...)` here is already right: pinned, configured through
    `**loader_kwargs`, or serving tensors that already live on the GPU (CUDA tensors
    cannot be pinned).
    """)
    return


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    features = torch.randn(16, 4)
    targets = torch.randint(0, 2, (16,))
    pinned = DataLoader(TensorDataset(features, targets), batch_size=4, pin_memory=torch.cuda.is_available())
    loader_kwargs = {"batch_size": 4, "pin_memory": device == "cuda"}
    configured = DataLoader(TensorDataset(features, targets), **loader_kwargs)
    gpu_features = features.to(device)
    on_device = DataLoader(TensorDataset(gpu_features, targets.to(device)), batch_size=8)
    # DataLoader(dataset) in a comment is not a call
    sum(len(l) for l in (pinned, configured, on_device))
    return


if __name__ == "__main__":
    app.run()
