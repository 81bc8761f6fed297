import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, TensorDataset

    return DataLoader, TensorDataset, mo, nn, torch


@app.cell
def _():
    def escape_time(c, max_iter=40):
        # The classic escape-time loop: one per pixel, a few dozen steps at most
        z = 0j
        n = 0
        while abs(z) <= 2 and n < max_iter:
            z = z * z + c
            n += 1
        return n

    return (escape_time,)


@app.cell
def _(escape_time):
    width, height, max_iter = 24, 12, 40
    rows = []
    for y in range(height):
        row = ""
        for x in range(width):
            c = complex(-2.2 + 3.0 * x / width, -1.2 + 2.4 * y / height)
            # Inline variant of the same loop, for comparison
            z, n = 0j, 0
            while abs(z) <= 2 and n < max_iter:
                z = z * z + c
                n += 1
            row += " .:-=+*#%@"[min(escape_time(c, max_iter), n) * 9 // max_iter]
        rows.append(row)
    print("\n".join(rows))
    return


@app.cell
def _(DataLoader, TensorDataset, mo, nn, torch):
    torch.manual_seed(0)
    _x = torch.randn(96, 8)
    loader = DataLoader(TensorDataset(_x, (_x.sum(dim=1) > 0).long()), batch_size=16, shuffle=True)
    model = nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    def train_one_epoch():
        total = 0.0
        for xb, yb in mo.status.progress_bar(loader, title="Training", remove_on_exit=True):
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item()
        return total / len(loader)

    return (train_one_epoch,)


@app.cell
def _(mo, train_one_epoch):
    history = []
    for epoch in mo.status.progress_bar(range(3), title="Training"):
        history.append(train_one_epoch())
    history
    return


if __name__ == "__main__":
    app.run()
