import { defineRule } from "../engine/types.js";
import { cellAt } from "../notebook/model.js";
import type { Matcher, PyNode } from "../notebook/python.js";
import { gpuFacts } from "./lib/gpu-notebook.js";

const docs = `
## What it does
Finds batch sizes written as integer literals in GPU training notebooks: \`batch_size=64\`
arguments (also \`per_device_train_batch_size=\`, \`train_batch_size=\`, ...), assignments such
as \`BATCH_SIZE = 128\` or \`bs = 32\`, and parameter defaults such as \`def train(batch_size=64)\`.
A notebook counts as GPU training when it uses CUDA (as in NVG001) and trains (\`.backward()\`,
\`optimizer.step()\`, \`.fit(\`, \`Trainer\`, \`DataLoader\`).

Left alone: batch sizes of 0 or 1, literals inside an \`if\`/\`elif\`/conditional expression whose
condition reads the GPU's memory (\`total_memory\`, \`mem_get_info\`, \`..._gb\`, \`vram\`), which is
how the guide derives them, and mentions in strings or comments.

## Why is this bad?
The right batch size depends on the GPU: 64 fits on an 80 GB H100 and runs out of memory on an
8 GB laptop GPU, while on the big GPU a batch of 8 leaves most of the memory idle. The guide
(section 3.4 "Memory-Aware Operations") asks to scale the batch size with the available VRAM
and to let the user adjust it.

## Example
\`\`\`python
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(device, mo, torch):
    _total_gb = torch.cuda.get_device_properties(device).total_memory / 1e9
    _default = 16 if _total_gb < 12 else 32 if _total_gb < 24 else 64
    batch_size = mo.ui.slider(8, 4 * _default, step=8, value=_default, label="Batch size")
    batch_size
    return (batch_size,)


@app.cell
def _(batch_size, train_set):
    train_loader = DataLoader(train_set, batch_size=batch_size.value, shuffle=True)
    return (train_loader,)
\`\`\`

## Fix
None: how much memory a batch needs depends on the model; choose the thresholds by measuring
(\`torch.cuda.max_memory_allocated()\` after one step).

## Fix safety
No fix: this rule only reports.
`;

const BATCH_NAME = "^(?:[A-Za-z0-9]+_)*(?:batch_size|BATCH_SIZE|batchsize|BATCHSIZE)$|^(?:bs|BS)$";

/** Integer batch sizes: keyword arguments, assignments and parameter defaults. */
const LITERAL_BATCH: Matcher = {
  rule: {
    any: [
      {
        kind: "keyword_argument",
        has: { field: "name", regex: BATCH_NAME },
        all: [{ has: { field: "value", kind: "integer" } }],
      },
      {
        kind: "assignment",
        has: { field: "left", kind: "identifier", regex: BATCH_NAME },
        all: [{ has: { field: "right", kind: "integer" } }],
      },
      {
        any: [{ kind: "default_parameter" }, { kind: "typed_default_parameter" }],
        has: { field: "name", regex: BATCH_NAME },
        all: [{ has: { field: "value", kind: "integer" } }],
      },
    ],
  },
};

const TRAINING = /\.backward\(|\.step\(|\.fit\(|Trainer\b|TrainingArguments|DataLoader/;
/** A condition that reads the GPU's memory: the literal is one branch of a memory-aware choice. */
const MEMORY_CONDITION = /memory|mem_get_info|vram|_gb\b|gpu_gb|gigabytes/i;

export const fixedBatchSize = defineRule({
  code: "NVG004",
  name: "fixed-batch-size",
  section: "3.4",
  severity: "info",
  fix: "none",
  summary: "A literal batch size in GPU training, not derived from the GPU's memory",
  docs,
  check(context) {
    const { notebook } = context;
    if (!/batch|bs\b|BS\b/i.test(notebook.source) || !TRAINING.test(notebook.source)) return;
    const facts = gpuFacts(notebook);
    if (!facts || facts.uses.length === 0) return;
    for (const node of notebook.root.root().findAll(LITERAL_BATCH)) {
      const cell = cellAt(notebook, node.range().start.index);
      if (!cell || cell.kind === "unparsable") continue;
      const value = node.field(node.kind() === "assignment" ? "right" : "value");
      const size = value ? Number.parseInt(value.text().replace(/_/g, ""), 10) : Number.NaN;
      if (!Number.isFinite(size) || size <= 1) continue;
      if (insideMemoryAwareChoice(node, cell.definition)) continue;
      const name = (node.kind() === "assignment" ? node.field("left") : node.field("name"))?.text() ?? "batch_size";
      context.report({
        node,
        message:
          `\`${name}\` is fixed at ${size}: too big for a GPU with less memory (out-of-memory errors), too small for a bigger one. ` +
          `Derive the default from \`torch.cuda.get_device_properties(0).total_memory\` and let the user adjust it with \`mo.ui.slider\``,
      });
    }
  },
});

function insideMemoryAwareChoice(node: PyNode, stop: PyNode | undefined): boolean {
  const stopId = stop?.id();
  for (const ancestor of node.ancestors()) {
    if (ancestor.id() === stopId) return false;
    const kind = ancestor.kind();
    if (kind === "if_statement" || kind === "elif_clause" || kind === "while_statement") {
      if (MEMORY_CONDITION.test(ancestor.field("condition")?.text() ?? "")) return true;
      // An `elif`/`else` branch of an `if` that tests memory.
      if (kind === "if_statement") continue;
    } else if (kind === "else_clause") {
      const owner = ancestor.parent();
      if (owner && MEMORY_CONDITION.test(owner.field("condition")?.text() ?? "")) return true;
    } else if (kind === "conditional_expression") {
      const parts = ancestor.namedChildren();
      if (parts.length === 3 && MEMORY_CONDITION.test(parts[1]!.text())) return true;
    }
  }
  return false;
}
