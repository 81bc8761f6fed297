"""A character-level GRU on Tiny Shakespeare, trained on demand."""

import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from torch import nn


@app.cell
def _():
    text = open("data/tinyshakespeare.txt", encoding="utf-8").read()
    vocab = sorted(set(text))
    encoded = torch.tensor([vocab.index(_c) for _c in text], device="cuda")
    return encoded, vocab


@app.cell
def _():
    train_button = mo.ui.run_button(label="🚀 Train GRU")
    train_button
    return (train_button,)


@app.cell
def _(encoded, train_button, vocab):
    mo.stop(not train_button.value, mo.md("Click **Train GRU** to start training and the generation that follows"))

    class CharGRU(nn.Module):
        def __init__(self, n_vocab: int) -> None:
            super().__init__()
            self.embed = nn.Embedding(n_vocab, 128)
            self.gru = nn.GRU(128, 256, batch_first=True)
            self.head = nn.Linear(256, n_vocab)

        def forward(self, x, h=None):
            y, h = self.gru(self.embed(x), h)
            return self.head(y), h

        def generate(self, start: torch.Tensor, steps: int) -> torch.Tensor:
            out, h, x = [start], None, start.view(1, 1)
            for _ in range(steps):
                logits, h = self(x, h)
                x = torch.multinomial(logits[0, -1].softmax(-1), 1).view(1, 1)
                out.append(x.view(1))
            return torch.cat(out)

    gru = CharGRU(len(vocab)).to("cuda")
    _optimizer = torch.optim.Adam(gru.parameters(), lr=3e-3)
    for epoch in range(5):
        for _i in range(0, len(encoded) - 257, 256 * 64):
            _batch = torch.stack([encoded[_j : _j + 257] for _j in range(_i, _i + 256 * 64, 256) if _j + 257 <= len(encoded)])
            _logits, _ = gru(_batch[:, :-1])
            _loss = nn.functional.cross_entropy(_logits.reshape(-1, len(vocab)), _batch[:, 1:].reshape(-1))
            _optimizer.zero_grad()
            _loss.backward()
            _optimizer.step()
    return (gru,)


@app.cell
def _(gru, vocab):
    # Reads `gru`: once the `if` above becomes a `mo.stop`, this cell waits for the same click.
    with torch.no_grad():
        verses = ["".join(vocab[_i] for _i in gru.generate(torch.tensor([vocab.index(_c)], device="cuda"), 200)) for _c in "ABCD"]
    mo.md("\n\n".join(f"```\n{_v}\n```" for _v in verses))
    return


if __name__ == "__main__":
    app.run()
