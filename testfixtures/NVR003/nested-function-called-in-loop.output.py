import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.cell
def _():
    autoencoder = torch.nn.Sequential(torch.nn.Linear(16, 4), torch.nn.Linear(4, 16))
    loader = [torch.randn(8, 16) for _ in range(10)]
    return autoencoder, loader


@app.cell
def _():
    train_button = mo.ui.run_button(label="🚀 Train model")
    train_button
    return (train_button,)


@app.cell
def _(autoencoder, loader, train_button):
    mo.stop(not train_button.value, mo.md("Click **Train model** to start training"))

    def make_train_step(model, optimizer):
        """Builds the function that performs one step of the training loop."""

        def train_step(batch):
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(batch), batch)
            loss.backward()
            optimizer.step()
            return loss.item()

        return train_step

    train_step = make_train_step(autoencoder, torch.optim.Adam(autoencoder.parameters()))
    step_losses = [train_step(_batch) for _batch in loader]
    step_losses
    return


if __name__ == "__main__":
    app.run()
