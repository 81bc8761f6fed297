import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch


@app.class_definition
class TinyLM(torch.nn.Module):
    """A bigram model: enough to exercise `generate` on the CPU."""

    def __init__(self, vocab: int = 16):
        super().__init__()
        self.table = torch.nn.Embedding(vocab, vocab)

    def forward(self, ids):
        return self.table(ids)

    def generate(self, ids, max_new_tokens: int):
        for _ in range(max_new_tokens):
            next_id = self(ids[:, -1]).argmax(-1, keepdim=True)
            ids = torch.cat([ids, next_id], dim=1)
        return ids


@app.cell
def _():
    torch.manual_seed(0)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = TinyLM().to(device).eval()
    batches = [torch.randint(0, 16, (4, 3), device=device) for _ in range(3)]
    return batches, device, model


@app.cell
def _(batches, model):
    try:
        with torch.inference_mode():
            logits = torch.cat([model(batch) for batch in batches])
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _free_bytes, _total_bytes = torch.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {torch.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Reduce the batch size of the data loader
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    logits.shape
    return


@app.cell
def _(device, model):
    prompt_ids = torch.tensor([[1, 2, 3]], device=device)
    try:
        _result = model.generate(prompt_ids, max_new_tokens=5)[0].tolist()
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        _free_bytes, _total_bytes = torch.cuda.mem_get_info()
        mo.stop(
            True,
            mo.callout(
                mo.md(
                    f"""
                    ❌ **GPU out of memory** on {torch.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.

                    **Solutions**:
                    - Generate fewer tokens at once (lower `max_new_tokens`) or shorten the prompt
                    - Use a smaller model
                    - Close other programs that use the GPU (check `nvidia-smi`)
                    """
                ),
                kind="danger",
            ),
        )
    _result
    return


if __name__ == "__main__":
    app.run()
