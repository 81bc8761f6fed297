"""Loops that already show progress, and short loops: nothing to report."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from tqdm.auto import tqdm


@app.function
def evaluate(model, loader) -> float:
    """Accuracy of `model` on `loader` (callers show a spinner)."""
    correct = 0
    with torch.no_grad():
        for images, labels in loader:
            correct += (model(images).argmax(dim=1) == labels).sum().item()
    return correct / len(loader.dataset)


@app.cell
def _(model, num_epochs, test_loader, train_loader, train_one_epoch):
    for epoch in mo.status.progress_bar(range(num_epochs), title="Training"):
        for batch in train_loader:
            train_one_epoch(model, batch)
    with mo.status.spinner(title="Evaluating on the test set..."):
        accuracy = evaluate(model, test_loader)
    for step in tqdm(range(1000)):
        pass
    for step in range(5):
        print(step)
    for i in range(3):
        print(i)
    return


@app.cell
def _(pipe, prompt):
    with mo.status.spinner(title="Generating..."):
        for t in pipe.scheduler.timesteps:
            pipe.step(t, prompt)
    return


if __name__ == "__main__":
    app.run()
