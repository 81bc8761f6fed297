"""MNIST: a small MLP, a linear probe on its features, and images it takes for a 3."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from sklearn.linear_model import LogisticRegression
    from torch import nn
    from torchvision import datasets, transforms


@app.cell
def _():
    # Downloads the data; training, the probe's fit and the sampling below all read it.
    mnist = datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor())
    return (mnist,)


@app.cell
def _(mnist):
    mlp = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)).to("cuda")
    _loader = torch.utils.data.DataLoader(mnist, batch_size=256, shuffle=True)
    _optimizer = torch.optim.Adam(mlp.parameters(), lr=1e-3)
    for epoch in range(5):
        for _x, _y in _loader:
            _loss = nn.functional.cross_entropy(mlp(_x.to("cuda")), _y.to("cuda"))
            _optimizer.zero_grad()
            _loss.backward()
            _optimizer.step()
    return (mlp,)


@app.cell
def _(mlp, mnist):
    # A fit is training too: the message does not name it twice.
    with torch.no_grad():
        _features = mlp[:3](mnist.data[:2000].float().div(255).to("cuda")).cpu().numpy()
    probe = LogisticRegression(max_iter=500)
    probe.fit(_features, mnist.targets[:2000].numpy())
    return


@app.cell
def _(mlp):
    # Generation: images the classifier takes for a 3, refined step by step.
    num_timesteps = 50
    samples = torch.randn(16, 1, 28, 28, device="cuda", requires_grad=True)
    for _t in range(num_timesteps):
        (_grad,) = torch.autograd.grad(mlp(samples)[:, 3].sum(), samples)
        samples = (samples + 0.1 * _grad).detach().requires_grad_()
    return


if __name__ == "__main__":
    app.run()
