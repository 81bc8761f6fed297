# /// script
# requires-python = ">=3.11"
# dependencies = ["diffusers>=0.30", "marimo", "torch>=2.4", "torchvision"]
# ///
"""DDPM on MNIST: train a small UNet, then sample digits from it."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    import torch.nn.functional as F
    from diffusers import DDPMPipeline, DDPMScheduler, UNet2DModel
    from torchvision import datasets, transforms


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 🌀 DDPM on MNIST

    Choose the number of epochs and the learning rate, press **Train**, then look at the samples.
    """)
    return


@app.cell
def _():
    config_form = (
        mo.md("Epochs: {epochs} Learning rate: {lr}")
        .batch(
            epochs=mo.ui.number(start=1, stop=50, value=5),
            lr=mo.ui.number(start=1e-5, stop=1e-2, step=1e-5, value=1e-4),
        )
        .form(submit_button_label="Train")
    )
    config_form
    return (config_form,)


@app.cell
def _(config_form):
    # The form's value is None until it is submitted: nothing below runs before that.
    mo.stop(config_form.value is None, mo.md("Submit the form to start training"))

    _data = datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor())
    _loader = torch.utils.data.DataLoader(_data, batch_size=128, shuffle=True)
    unet = UNet2DModel(sample_size=28, in_channels=1, out_channels=1, block_out_channels=(32, 64, 64)).to("cuda")
    noise_scheduler = DDPMScheduler(num_train_timesteps=1000)
    _optimizer = torch.optim.AdamW(unet.parameters(), lr=config_form.value["lr"])
    losses = []
    for _epoch in range(config_form.value["epochs"]):
        for _images, _ in _loader:
            _images = _images.to("cuda") * 2 - 1
            _noise = torch.randn_like(_images)
            _t = torch.randint(0, 1000, (_images.shape[0],), device="cuda")
            _loss = F.mse_loss(unet(noise_scheduler.add_noise(_images, _noise, _t), _t).sample, _noise)
            _optimizer.zero_grad()
            _loss.backward()
            _optimizer.step()
            losses.append(_loss.item())
    return losses, noise_scheduler, unet


@app.cell
def _(noise_scheduler, unet):
    ddpm = DDPMPipeline(unet=unet, scheduler=DDPMScheduler.from_config(noise_scheduler.config))
    ddpm.scheduler.set_timesteps(250)
    return (ddpm,)


@app.cell
def _(ddpm):
    # Reads the trained model only through `ddpm`: it cannot run before the form is submitted.
    with torch.no_grad():
        digits = torch.randn(16, 1, 28, 28, device="cuda")
        for _t in ddpm.scheduler.timesteps:
            _eps = ddpm.unet(digits, _t).sample
            digits = ddpm.scheduler.step(_eps, _t, digits).prev_sample
    mo.image((digits.clamp(-1, 1) + 1).mul(127.5).byte().cpu().permute(0, 2, 3, 1).reshape(-1, 28, 1).numpy())
    return


@app.cell
def _(losses):
    mo.md(f"Final training loss: **{losses[-1]:.4f}** after {len(losses):,} steps")
    return


if __name__ == "__main__":
    app.run()
