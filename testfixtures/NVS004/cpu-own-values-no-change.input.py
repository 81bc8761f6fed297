import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import os

    import marimo as mo
    import torch


@app.function
def collect(values: list[float]) -> dict[str, float]:
    """Summary statistics; mutates only its own dictionary."""
    summary = {}
    summary["mean"] = sum(values) / len(values)
    summary.update(count=len(values))
    return summary


@app.cell
def _():
    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    torch.backends.cudnn.benchmark = False
    history = []
    for _i in range(3):
        history.append(float(_i))
    return (history,)


@app.cell
def _(history):
    _copy = list(history)
    _copy.append(3.0)
    _scaler = torch.amp.GradScaler("cuda", enabled=torch.cuda.is_available())
    _scaler.update() if torch.cuda.is_available() else None


    def add_point(history: list[float], value: float) -> list[float]:
        history = list(history)
        history.append(value)
        return history


    extended = add_point(history, 4.0)
    squares = {h: h * h for h in history}
    _shifted = torch.tensor(history).add(1.0)
    mo.md(f"{collect(extended)} {len(squares)} {_shifted.sum().item():.1f}")
    return


if __name__ == "__main__":
    app.run()
