# /// script
# requires-python = ">=3.10"
# dependencies = ["marimo", "torch"]
# ///
"""Linear regression on the GPU, one click away."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # Régression linéaire sur GPU 🚀

    Cliquez sur **Entraîner** pour ajuster une droite à des données synthétiques.
    """)
    return


@app.cell
def _():
    """GPU detection and validation: every GPU cell depends on `device`."""
    mo.stop(
        not torch.cuda.is_available(),
        mo.callout(
            mo.md("""
            ⚠️ **No NVIDIA GPU detected**

            This notebook requires an NVIDIA GPU with CUDA support.

            **Troubleshooting**:
            - Verify the GPU is visible: `nvidia-smi`
            - Check the NVIDIA driver version (535+ for CUDA 12)
            - Install a CUDA build of PyTorch: https://pytorch.org/get-started/locally/
            """),
            kind="danger",
        ),
    )

    device = torch.device("cuda:0")
    _props = torch.cuda.get_device_properties(device)
    mo.md(f"""
    ✅ **GPU detected**: {_props.name}
    💾 **Memory**: {_props.total_memory / 1e9:.1f} GB
    🔢 **Compute capability**: {_props.major}.{_props.minor}
    """).callout(kind="success")
    return (device,)


@app.cell
def _():
    train_button = mo.ui.run_button(label="Entraîner")
    train_button
    return (train_button,)


@app.cell
def _(device, train_button):
    mo.stop(not train_button.value, mo.md("Click **Entraîner** to start"))
    torch.manual_seed(0)
    _x = torch.arange(32, dtype=torch.float32, device=device).unsqueeze(1)
    _y = 3 * _x + 1
    layer = torch.nn.Linear(1, 1).to(device)
    _optimizer = torch.optim.SGD(layer.parameters(), lr=1e-4)
    for _ in range(200):
        _loss = torch.nn.functional.mse_loss(layer(_x), _y)
        _optimizer.zero_grad()
        _loss.backward()
        _optimizer.step()
    mo.md(f"weight = {layer.weight.item():.2f}, bias = {layer.bias.item():.2f}")
    return


if __name__ == "__main__":
    app.run()
