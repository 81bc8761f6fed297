import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    def train(model, loader, epochs: int = 3):
        """Train `model` on `loader` (called from the button's on_click)."""
        optimizer = torch.optim.Adam(model.parameters())
        for epoch in range(epochs):
            for xb, yb in loader:
                optimizer.zero_grad()
                torch.nn.functional.cross_entropy(model(xb), yb).backward()
                optimizer.step()
        return model

    start = mo.ui.button(label="Train", on_click=lambda _: train(torch.nn.Linear(4, 2), []))
    start
    return


if __name__ == "__main__":
    app.run()
