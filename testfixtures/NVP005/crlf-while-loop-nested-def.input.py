import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import torch

    return (torch,)


@app.cell
def _(torch):
    # Entraînement « jusqu’à convergence »
    net = torch.nn.Linear(2, 1).cuda()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    trace = []
    loss = torch.ones(())
    while loss > 1e-3:
        x = torch.randn(32, 2, device="cuda")
        loss = (net(x) - x.sum(1, keepdim=True)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        trace.append(net.weight.detach().tolist())

        def summary():
            return loss.item()
    len(trace), summary()
    return


if __name__ == "__main__":
    app.run()
