import marimo

__generated_with = "0.25.2"
app = marimo.App()

with app.setup:
    import marimo as mo
    import torch
    from torch.utils.data import DataLoader
    from transformers import AutoModelForSequenceClassification, DataCollatorWithPadding


@app.cell
def _(tokenized, tokenizer):
    train_dataloader = DataLoader(
        tokenized["train"],
        shuffle=True,
        batch_size=16,
        collate_fn=DataCollatorWithPadding(tokenizer),
        pin_memory=True,
    )
    return (train_dataloader,)


@app.cell
def _(train_dataloader):
    model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2).cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)
    model.train()
    for step, batch in enumerate(mo.status.progress_bar(train_dataloader, title="Fine-tuning")):
        batch = {k: v.to("cuda", non_blocking=True) for k, v in batch.items()}
        outputs = model(**batch)
        outputs.loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    return (model,)


@app.cell
def _(model, train_dataloader):
    model.eval()
    predictions = []
    with torch.no_grad():
        for batch in train_dataloader:
            input_ids = batch["input_ids"].cuda(non_blocking=True)
            attention_mask = batch["attention_mask"].to(
                "cuda",
                non_blocking=True
            )
            predictions.append(model(input_ids=input_ids, attention_mask=attention_mask).logits.argmax(-1))
    len(predictions)
    return


@app.cell
def _():
    tokenizer = None
    tokenized = {"train": []}
    return tokenized, tokenizer


if __name__ == "__main__":
    app.run()
