import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")

with app.setup:
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader, TensorDataset


@app.function
def train_model(model: torch.nn.Module, loader: DataLoader, epochs: int = 3) -> list[float]:
    """Train `model` with Adam and return the loss of each epoch."""
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    history = []
    for _ in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
        history.append(loss.item())
    return history


@app.cell
def _():
    data = TensorDataset(torch.randn(256, 20), torch.randint(0, 3, (256,)))
    classifier = torch.nn.Sequential(torch.nn.Linear(20, 64), torch.nn.ReLU(), torch.nn.Linear(64, 3))
    return classifier, data


@app.cell
def _(classifier, data):
    with mo.status.spinner(title="Training model...", subtitle="This may take a few minutes"):
        results = train_model(classifier, DataLoader(data, batch_size=32, shuffle=True))
    return (results,)


@app.cell
def _(results):
    mo.md(f"Final loss: {results[-1]:.3f}")
    return


if __name__ == "__main__":
    app.run()
