import marimo

__generated_with = "0.11.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import gc

    import marimo as mo
    import torch
    import torch.nn.functional as F

    return F, gc, mo, torch


@app.cell
def _(F, gc, mo, torch):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = torch.nn.Linear(784, 10).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    loader = [(torch.randn(64, 784), torch.randint(0, 10, (64,))) for _ in range(8)]

    losses = []
    for epoch in mo.status.progress_bar(range(3), title="Epochs"):
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            outputs = model(images)
            loss = F.cross_entropy(outputs, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            # Free the activations before the next batch
            del outputs, loss
        print(f"epoch {epoch}: {losses[-1]:.3f}")
    gc.collect()
    torch.cuda.empty_cache()
    return device, model


@app.cell
def _(device, model, torch):
    # Already emptied once the sweep is done: nothing to add
    with torch.no_grad():
        for scale in (0.5, 1.0, 2.0):
            probe = torch.randn(256, 784, device=device) * scale
            _logits = model(probe)
            del probe, _logits
    torch.cuda.empty_cache()
    return


if __name__ == "__main__":
    app.run()
