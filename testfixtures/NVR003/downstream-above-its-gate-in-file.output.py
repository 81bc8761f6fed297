"""A VAE on Fashion-MNIST: samples first, the training code at the end of the notebook."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from torch import nn
    from torchvision import datasets, transforms


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 👕 Fashion-MNIST VAE

    Samples from the decoder first; the model and its training loop are in the appendix at the
    bottom.
    """)
    return


@app.cell
def _(vae):
    # Above the training cell in the file, below it in the dataflow.
    with torch.no_grad():
        grid = torch.cat([torch.cat(list(vae.generate(8)), dim=1) for _row in range(8)], dim=0)
    mo.image(grid.numpy())
    return


@app.cell
def _(vae):
    mo.md(f"Decoder: {sum(p.numel() for p in vae.decoder.parameters()):,} parameters")
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Appendix: model and training
    """)
    return


@app.cell
def _():
    LATENT = 16


    class VAE(nn.Module):
        def __init__(self, latent: int) -> None:
            super().__init__()
            self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 400), nn.ReLU(), nn.Linear(400, 2 * latent))
            self.decoder = nn.Sequential(nn.Linear(latent, 400), nn.ReLU(), nn.Linear(400, 784), nn.Sigmoid())

        def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
            mu, logvar = self.encoder(x).chunk(2, dim=-1)
            z = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
            return self.decoder(z), mu, logvar

        def generate(self, n: int) -> torch.Tensor:
            z = torch.randn(n, self.decoder[0].in_features, device=self.decoder[0].weight.device)
            return self.decoder(z).view(-1, 28, 28).cpu()

    return LATENT, VAE


@app.cell
def _():
    train_button = mo.ui.run_button(label="🚀 Train model")
    train_button
    return (train_button,)


@app.cell
def _(LATENT, VAE, train_button):
    mo.stop(not train_button.value, mo.md("Click **Train model** to start training and the generation that follows"))

    _data = datasets.FashionMNIST("data", train=True, transform=transforms.ToTensor())
    _loader = torch.utils.data.DataLoader(_data, batch_size=256, shuffle=True)
    vae = VAE(LATENT).to("cuda")
    _optimizer = torch.optim.Adam(vae.parameters(), lr=1e-3)
    for epoch in range(20):
        for _x, _ in _loader:
            _x = _x.to("cuda")
            _recon, _mu, _logvar = vae(_x)
            _loss = nn.functional.binary_cross_entropy(_recon, _x.view(-1, 784), reduction="sum")
            _loss = _loss - 0.5 * torch.sum(1 + _logvar - _mu.pow(2) - _logvar.exp())
            _optimizer.zero_grad()
            _loss.backward()
            _optimizer.step()
    return (vae,)


if __name__ == "__main__":
    app.run()
