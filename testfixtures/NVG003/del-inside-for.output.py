import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import torch
    return (torch,)


@app.cell
def _(torch):
    # Score several checkpoints, one at a time, to fit in 8 GB.
    scores = []
    for checkpoint in ["a.pt", "b.pt"]:
        net = torch.nn.Linear(8, 8).to("cuda")
        scores.append(float(net.weight.sum()))
        del net
    torch.cuda.empty_cache()
    scores
    return


if __name__ == "__main__":
    app.run()

