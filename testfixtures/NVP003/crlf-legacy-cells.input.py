import marimo

__generated_with = "0.8.0"
app = marimo.App()


@app.cell
def __():
    import marimo as mo
    import torch
    from torch.utils import data
    return data, mo, torch


@app.cell
def __(data, torch):
    # Données d’entraînement synthétiques
    jeu = data.TensorDataset(torch.randn(256, 8), torch.randn(256, 1))
    chargeur = data.DataLoader(jeu, batch_size=32,
                               shuffle=True)
    modele = torch.nn.Linear(8, 1).cuda()
    return chargeur, modele


@app.cell
def __(chargeur, modele):
    for x, y in chargeur:
        perte = ((modele(x.cuda()) - y.cuda()) ** 2).mean()
    perte
    return


if __name__ == "__main__":
    app.run()
