import marimo

__generated_with = "0.7.5"
app = marimo.App()


@app.cell
def __():
    import json

    import marimo as mo
    from transformers import AutoConfig, AutoModel
    return AutoConfig, AutoModel, json, mo


@app.cell
def __(AutoConfig, AutoModel, json, mo):
    config = AutoConfig.from_pretrained(
        "bert-base-uncased",
        **json.loads("""
    {"hidden_dropout_prob": 0.2,
     "attention_probs_dropout_prob": 0.2}
    """),
    )
    encoder = AutoModel.from_pretrained("bert-base-uncased", config=config)
    mo.md(f"{config.num_hidden_layers} layers")
    return config, encoder


if __name__ == "__main__":
    app.run()
