import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.function
def fit(model: torch.nn.Module, loader, epochs: int) -> list:
    """Trains `model` for `epochs` passes over `loader`."""
    optimizer = torch.optim.Adam(model.parameters())
    history = []
    for epoch in mo.status.progress_bar(range(epochs), title="Training"):
        for inputs, targets in loader:
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(inputs), targets)
            loss.backward()
            optimizer.step()
        history.append(loss.item())
    return history


@app.cell
async def _(pipe, prompt):
    with mo.status.spinner(title="Generating..."):
        async for image in pipe.stream(prompt, num_inference_steps=30):
            image.save("out.png")
    for step in mo.status.progress_bar(range(pipe.num_inference_steps), title="Generating"):
        pipe.denoise(step)
    return


if __name__ == "__main__":
    app.run()
