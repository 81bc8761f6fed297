import marimo

__generated_with = "0.9.14"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    import torch
    return mo, torch


@app.cell
def __(mo):
    mo.md("On utilise `torch.autocast` ? Pas encore : tout est en FP32.")
    return


@app.cell
def __(torch):
    gen = torch.nn.Linear(16, 16).cuda()
    disc = torch.nn.Linear(16, 1).cuda()
    g_opt = torch.optim.Adam(gen.parameters())
    d_opt = torch.optim.Adam(disc.parameters())
    for _ in range(100):
        d_loss = disc(gen(torch.randn(8, 16, device="cuda")).detach()).mean()
        d_opt.zero_grad()
        d_loss.backward()
        d_opt.step()
    while True:
        g_loss = -disc(gen(torch.randn(8, 16, device="cuda"))).mean()
        g_opt.zero_grad()
        g_loss.backward()
        g_opt.step()
        break
    return


if __name__ == "__main__":
    app.run()
