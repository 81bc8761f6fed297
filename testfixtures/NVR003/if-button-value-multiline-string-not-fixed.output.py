import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    fit_button = mo.ui.run_button(label="Fit")
    fit_button
    return (fit_button,)


@app.cell
def _(fit_button):
    if fit_button.value:
        _w = torch.zeros(3, requires_grad=True)
        _opt = torch.optim.SGD([_w], lr=0.1)
        for _i in range(100):
            _loss = (_w - 1).pow(2).sum()
            _opt.zero_grad()
            _loss.backward()
            _opt.step()
        report = """Fitted weights:
        see the table below"""
    return


if __name__ == "__main__":
    app.run()
