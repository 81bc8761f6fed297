import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    import torch
    import torch.nn.functional as F

    return F, mo, torch


@app.cell
def _(F, mo, torch, train_loader):
    device = torch.device("cuda")
    model = torch.nn.Linear(784, 10).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    history = []
    for epoch in range(5):
        running_loss = 0.0
        for step, (images, labels) in enumerate(train_loader):
            logits = model(images.to(device).flatten(1))
            loss = F.cross_entropy(logits, labels.to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            accuracy = (logits.argmax(1) == labels.to(device)).float().mean().cpu().numpy()
            if step % 100 == 0:
                print(f"step {step}: loss {loss.item():.3f}")  # only every 100 steps: fine
            if loss.item() > 1e3:
                break
        history.append(running_loss / len(train_loader))
    mo.md(f"Final accuracy on the last batch: {accuracy:.1%}; loss per epoch: {history}")
    return


@app.cell
def _():
    train_loader = []
    return (train_loader,)


if __name__ == "__main__":
    app.run()
