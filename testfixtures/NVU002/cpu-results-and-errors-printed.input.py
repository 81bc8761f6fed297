import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def _(torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    print(f"Using device: {device}")
    if device == "cuda":
        print(f"GPU: {torch.cuda.get_device_name(0)}")
    return (device,)


@app.cell
def _(device, torch):
    try:
        _a = torch.randn(64, 64, device=device)
        _b = _a @ _a.T
        print("Matmul OK:", tuple(_b.shape))
    except RuntimeError as e:
        print("Error occurred:", e)
    return


if __name__ == "__main__":
    app.run()
