import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    import torch.utils.data as tud


@app.function
def make_loader(dataset: tud.Dataset, batch_size: int = 64) -> tud.DataLoader:
    """Shuffled training loader for the GPU."""
    return tud.DataLoader(dataset, batch_size=batch_size, shuffle=True, num_workers=2)


@app.cell
def _():
    dataset = tud.TensorDataset(torch.randn(1024, 32), torch.randint(0, 10, (1024,)))
    eval_loader = torch.utils.data.DataLoader(dataset=dataset, batch_size=256)
    train_loader = make_loader(dataset)
    return eval_loader, train_loader


@app.cell
def _(eval_loader, train_loader):
    _model = torch.nn.Linear(32, 10).cuda()
    for _x, _y in train_loader:
        _loss = torch.nn.functional.cross_entropy(_model(_x.cuda()), _y.cuda())
    mo.md(f"{len(eval_loader)} evaluation batches, last loss {_loss.item():.3f}")
    return


if __name__ == "__main__":
    app.run()
