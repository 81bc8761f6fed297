import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo

    return (mo,)


@app.cell
def _():
    def load():
        import torch
        from torch import cuda

        return torch.zeros(3, device="cuda")

    weights = load()
    return (weights,)


if __name__ == "__main__":
    app.run()
