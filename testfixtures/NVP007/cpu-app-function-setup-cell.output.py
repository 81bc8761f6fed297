import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.function
def train(model: torch.nn.Module, steps: int, device: str) -> float:
    """Plain FP32 training on random data; returns the last loss."""
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(steps):
        x = torch.randn(8, 4, device=device)
        loss = model(x).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


@app.cell
def _():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    last_loss = train(torch.nn.Linear(4, 2).to(device), steps=5, device=device)
    mo.md(f"Last loss: {last_loss:.4f}")
    return


if __name__ == "__main__":
    app.run()
