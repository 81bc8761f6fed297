import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import lightning as L
    import marimo as mo
    from transformers import set_seed
    return L, mo, set_seed


@app.cell
def _(L):
    L.seed_everything(7, workers=True)
    trainer = L.Trainer(accelerator="gpu", devices=1, deterministic=True, max_epochs=3)
    return (trainer,)


@app.cell
def _(set_seed):
    set_seed(7)
    return


if __name__ == "__main__":
    app.run()
