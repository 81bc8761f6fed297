# A run button read through a variable of the cell (`run = regenerate.value or not cached`,
# then `if run:`) is the author's own click logic: the cached result shows without a click, and
# a `mo.stop` on the button would hide it. Not reported.
import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import pathlib

    import marimo as mo
    import torch


@app.cell
def _():
    regenerate = mo.ui.run_button(label="Regenerate")
    regenerate
    return (regenerate,)


@app.cell
def _(regenerate):
    cached = pathlib.Path("weights.pt")
    _should_run = bool(regenerate.value) or not cached.exists()
    if _should_run:
        _net = torch.nn.Linear(4, 1)
        _opt = torch.optim.SGD(_net.parameters(), lr=0.01)
        for _ in range(10):
            _loss = _net(torch.randn(8, 4)).mean()
            _opt.zero_grad()
            _loss.backward()
            _opt.step()
        torch.save(_net.state_dict(), cached)
    return


if __name__ == "__main__":
    app.run()
