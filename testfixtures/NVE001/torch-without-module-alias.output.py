import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    from torch import nn, optim, randn

    return mo, nn, optim, randn


@app.cell
def _(nn, optim, randn):
    net = nn.Linear(4096, 4096).cuda()
    opt = optim.Adam(net.parameters())
    for _ in range(10):
        net(randn(16384, 4096).cuda()).sum().backward()
        opt.step()
    return


if __name__ == "__main__":
    app.run()
