import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch as t

    return mo, t


@app.cell(hide_code=True)
def _(t):
    model = t.nn.Sequential(t.nn.Linear(4096, 4096), t.nn.ReLU(), t.nn.Linear(4096, 10)).cuda()
    opt = t.optim.SGD(model.parameters(), lr=0.1)
    x = t.randn(65536, 4096, device="cuda")
    y = t.randint(0, 10, (65536,), device="cuda")
    return model, opt, x, y


@app.cell(hide_code=True)
def _(model, opt, t, x, y):
    for _step in range(100):
        opt.zero_grad()
        t.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
    return


if __name__ == "__main__":
    app.run()
