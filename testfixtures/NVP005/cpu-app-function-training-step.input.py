import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.function
def fit(model: torch.nn.Module, steps: int, device: str) -> list[float]:
    """Fit `model` to a noisy line; returns the loss of every step."""
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    losses = []
    for _ in range(steps):
        x = torch.randn(16, 1, device=device)
        loss = ((model(x) - (3 * x + 1)) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    losses = fit(torch.nn.Linear(1, 1).to(device), steps=20, device=device)
    mo.md(f"Loss went from {losses[0]:.2f} to {losses[-1]:.2f}")
    return


if __name__ == "__main__":
    app.run()
