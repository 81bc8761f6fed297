import marimo

__generated_with = "0.6.0"
app = marimo.App()


@app.cell
def __():
    import torch
    return torch,


@app.cell
def __(torch):
    scores = torch.tensor([0.1, 0.9]).cuda()
    return scores,


if __name__ == "__main__":
    app.run()
