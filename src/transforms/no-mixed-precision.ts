import { defineRule } from "../engine/types.js";
import { startOf, type Matcher } from "../notebook/python.js";
import { findInCells, loopHeaderEnd, trainingLoops, usesGpu } from "./lib/nvp-helpers.js";

const docs = `
## What it does
Reports GPU training loops (innermost loops that call \`loss.backward()\` or
\`optimizer.step()\`) in a notebook that never uses reduced precision: no \`torch.autocast\`,
\`GradScaler\`, \`torch.float16\` / \`torch.bfloat16\`, \`.half()\`, \`fp16=\` / \`bf16=\` /
\`mixed_precision=\` / \`precision=\` settings anywhere in its code.

## Why is this bad?
On Volta and newer GPUs, matrix multiplications and convolutions in FP16 or BF16 run on tensor
cores, typically about twice as fast as FP32, and activations take half the memory, so larger
batches fit. \`torch.autocast\` picks the precision per operation and keeps the weights in FP32
(guide, section 5.2 "Mixed Precision"; checklist: "Mixed precision where appropriate").

## Example
\`\`\`python
for images, labels in train_loader:
    loss = criterion(model(images), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
\`\`\`

Use instead:
\`\`\`python
scaler = torch.amp.GradScaler("cuda")
for images, labels in train_loader:
    with torch.autocast("cuda", dtype=torch.float16):
        loss = criterion(model(images), labels)
    optimizer.zero_grad()
    scaler.scale(loss).backward()
    scaler.step(optimizer)
    scaler.update()
\`\`\`

## Fix
None: whether reduced precision suits a model (numerically sensitive losses, custom CUDA
kernels, GPUs without tensor cores) is a judgement call. With BF16 (\`dtype=torch.bfloat16\`
on Ampere and newer) no \`GradScaler\` is needed. Document the precision choice in a markdown
cell, as the guide asks.

## Fix safety
No fix is offered.
`;

/** Names that show the notebook already chose a reduced or mixed precision. */
const PRECISION: Matcher = {
  rule: {
    kind: "identifier",
    regex: "^(autocast|GradScaler|float16|bfloat16|half|bf16|fp16|amp|mixed_precision|custom_fwd)$",
  },
};

const PRECISION_TEXT = /\b(autocast|GradScaler|float16|bfloat16|half|bf16|fp16|amp|mixed_precision|custom_fwd)\b/;

export const noMixedPrecision = defineRule({
  code: "NVP007",
  name: "no-mixed-precision",
  section: "5.2",
  severity: "info",
  fix: "none",
  summary: "GPU training loop without mixed precision (autocast, FP16/BF16)",
  docs,
  check(context) {
    const { notebook } = context;
    if (!usesGpu(notebook)) return;
    const loops = trainingLoops(notebook);
    if (loops.length === 0) return;
    // The text test is cheap; the native query then ignores strings and comments.
    if (PRECISION_TEXT.test(notebook.source) && findInCells(notebook, PRECISION_TEXT, PRECISION).length > 0) return;
    for (const { loop } of loops) {
      context.report({
        start: startOf(loop),
        end: loopHeaderEnd(loop),
        message: "This GPU training loop runs in full FP32: wrap the forward pass in `torch.autocast(\"cuda\", dtype=torch.float16)` with a `torch.amp.GradScaler(\"cuda\")` (or `dtype=torch.bfloat16` on Ampere and newer) to use the tensor cores",
      });
    }
  },
});
