import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch

    DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
    DTYPE = torch.float32
    SEED = 0
    BATCH = 4
    FEATURES = 8
    HIDDEN = 16
    CLASSES = 3
    EPOCHS = 2
    LR = 0.1
    MOMENTUM = 0.9
    WEIGHT_DECAY = 0.0


@app.function
def make_model() -> torch.nn.Module:
    """A two-layer network."""
    return torch.nn.Sequential(torch.nn.Linear(FEATURES, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, CLASSES))


@app.cell
def _():
    model = make_model().to(DEVICE)
    (first, second), rest = (1, 2), [3]
    count: int = 0
    count += 1
    with torch.no_grad() as no_grad_context:
        logits = model(torch.zeros(BATCH, FEATURES, device=DEVICE))
    if (n_logits := logits.numel()) > 0:
        shape = tuple(logits.shape)
    label = "ok"
    done = True
    return


if __name__ == "__main__":
    app.run()
