import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader, TensorDataset
    from transformers import TrainingArguments

    return DataLoader, TensorDataset, TrainingArguments, mo, torch


@app.cell
def _():
    BATCH_SIZE = 128
    # batch_size = 512 was too much for the T4
    learning_rate = 3e-4
    return BATCH_SIZE, learning_rate


@app.cell
def _(BATCH_SIZE, DataLoader, TensorDataset, torch):
    _features = torch.zeros(1024, 16)
    _labels = torch.zeros(1024, dtype=torch.long)
    train_loader = DataLoader(TensorDataset(_features, _labels), batch_size=BATCH_SIZE, shuffle=False)
    eval_loader = DataLoader(TensorDataset(_features, _labels), batch_size=256)
    single_loader = DataLoader(TensorDataset(_features, _labels), batch_size=1)
    return eval_loader, single_loader, train_loader


@app.cell
def _(TrainingArguments):
    def make_args(output_dir: str, per_device_train_batch_size: int = 16) -> TrainingArguments:
        return TrainingArguments(output_dir, per_device_train_batch_size=per_device_train_batch_size, bf16=True)

    return (make_args,)


@app.cell
def _(torch, train_loader):
    model = torch.nn.Linear(16, 2).to("cuda")
    _optimizer = torch.optim.Adam(model.parameters())
    for _x, _y in train_loader:
        _loss = torch.nn.functional.cross_entropy(model(_x.to("cuda")), _y.to("cuda"))
        _loss.backward()
        _optimizer.step()
        _optimizer.zero_grad()
    print("note: batch_size=64 would be faster")
    return (model,)


if __name__ == "__main__":
    app.run()
