# /// script
# dependencies = ["marimo", "torch", "transformers"]
# ///
"""llm_chat.py

Local LLM Chat
==============

Chat with a small instruction-tuned model running in half precision.

Features:
- Streaming answers
- Temperature and max-token controls

Requirements:
- PyTorch 2.4+, Transformers 4.45+
- ~3GB model download on first run
- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+
- CUDA TODO+ and NVIDIA driver TODO+

Tested configurations:
- Ubuntu 22.04 + RTX 4090

Author: Ana Souza
Date: 2025-08-30
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App()


@app.cell
def _():
    import marimo as mo
    import torch
    from transformers import AutoTokenizer
    return AutoTokenizer, mo, torch


@app.cell
def _(AutoTokenizer, torch):
    tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-0.5B-Instruct")
    torch.cuda.is_available()
    return (tokenizer,)


if __name__ == "__main__":
    app.run()
