import { defineRule } from "../engine/types.js";
import type { Notebook } from "../notebook/model.js";
import { type Matcher, type PyNode } from "../notebook/python.js";
import { importsOf } from "./lib/imports.js";
import { appendArgument, callArguments, findInCells, hasSplat, keywordArgument, usesGpu } from "./lib/nvp-helpers.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds \`torch.utils.data.DataLoader(...)\` calls without a \`pin_memory=\` argument in notebooks
that use a CUDA GPU (however \`DataLoader\` was imported: \`from torch.utils.data import
DataLoader\`, an alias, or \`torch.utils.data.DataLoader\`).

## Why is this bad?
Batches produced by a loader live in ordinary (pageable) host memory. To copy them to the GPU
the driver first copies them again into a page-locked staging buffer, and the copy cannot
overlap with computation. With \`pin_memory=True\` the loader's workers put batches in
page-locked memory directly: transfers are faster and \`.to(device, non_blocking=True)\` can
overlap them with the previous step (guide, section 5.3 "Efficient Memory Transfers").

## Example
\`\`\`python
train_loader = DataLoader(train_set, batch_size=64, shuffle=True, num_workers=4)
\`\`\`

Use instead:
\`\`\`python
train_loader = DataLoader(train_set, batch_size=64, shuffle=True, num_workers=4, pin_memory=True)
\`\`\`

## Fix
Adds \`pin_memory=True\` as the last argument, in the call's own layout: on the same line for a
one-line call or when the last argument shares its line with others (all arguments on one
continuation line), on a line of its own (with a trailing comma when the call has one) for a
call written one argument per line. A call that passes \`**kwargs\` (which may already hold
\`pin_memory\`) is left alone, and so is a loader whose data set is already on the GPU (a
\`TensorDataset\` of tensors created with \`device=\`, moved with \`.to(...)\` or \`.cuda()\`, or
a data set class whose code does that): CUDA tensors cannot be pinned.

## Fix safety
Safe: pinning changes where the host copy of each batch lives, not its values. On a machine
without a GPU PyTorch only warns that pinning is unavailable.
`;

/** Text that puts a tensor on a device other than the CPU. */
const ON_DEVICE = /\.cuda\(|\.to\(\s*(?!["']cpu|dtype|torch\.(?:float|half|bfloat|int|long|double|bool))[^)]|\bdevice\s*=\s*(?!["']cpu["'])/;

export const dataloaderWithoutPinMemory = defineRule({
  code: "NVP003",
  name: "dataloader-without-pin-memory",
  section: "5.3",
  severity: "warning",
  fix: "safe",
  summary: "`DataLoader(...)` feeding a GPU without `pin_memory=True`",
  docs,
  check(context) {
    const { notebook } = context;
    if (!notebook.source.includes("DataLoader") || !usesGpu(notebook)) return;
    const loader = loaderCallMatcher(notebook);
    if (!loader) return;
    for (const call of findInCells(notebook, loader.cells, loader.matcher)) {
      if (keywordArgument(call, "pin_memory") || hasSplat(call)) continue;
      const dataset = datasetArgument(call);
      if (dataset && onDevice(notebook, dataset, 2)) continue;
      const callee = call.field("function")!.text();
      const message = `\`${callee}(...)\` feeds the GPU from pageable host memory: pass \`pin_memory=True\` so batches are copied from page-locked memory, faster and asynchronously`;
      const edit = appendArgument(notebook, call, "pin_memory=True");
      context.report({
        node: call,
        message: edit ? message : `${message} (unusual argument layout: not fixed)`,
        ...(edit ? { fix: { description: "Add `pin_memory=True`", edits: [edit] } } : {}),
      });
    }
  },
});

/** Calls of `DataLoader` under the names the notebook imported it as, and a text test for cells that may hold one. */
function loaderCallMatcher(notebook: Notebook): { matcher: Matcher; cells: RegExp } | undefined {
  const names = new Set<string>();
  const modules = new Set<string>();
  for (const i of importsOf(notebook)) {
    const full = i.attribute === undefined ? i.module : `${i.module}.${i.attribute}`;
    if (full !== "torch" && !full.startsWith("torch.")) continue;
    if (i.attribute === "DataLoader") names.add(i.local);
    else modules.add(i.local);
  }
  const alternatives: object[] = [];
  if (names.size > 0) alternatives.push({ kind: "identifier", regex: `^(${[...names].map(escapeRegex).join("|")})$` });
  if (modules.size > 0) alternatives.push({ kind: "attribute", regex: `^(${[...modules].map(escapeRegex).join("|")})(\\.\\w+)*\\.DataLoader$` });
  if (alternatives.length === 0) return undefined;
  return {
    matcher: { rule: { kind: "call", has: { field: "function", any: alternatives } } } as Matcher,
    cells: new RegExp(`\\b(${["DataLoader", ...names].map(escapeRegex).join("|")})\\s*\\(`),
  };
}

function datasetArgument(call: PyNode): PyNode | undefined {
  const keyword = callArguments(call).find((a) => a.kind() === "keyword_argument" && a.field("name")?.text() === "dataset");
  if (keyword) return keyword.field("value") ?? undefined;
  return callArguments(call).find((a) => a.kind() !== "keyword_argument");
}

/**
 * Whether an expression holds tensors already on a GPU: it moves them itself, or (up to
 * `depth` steps back) a name it reads was assigned such a value, or it instantiates a class of
 * the notebook whose code does.
 */
function onDevice(notebook: Notebook, expression: PyNode, depth: number): boolean {
  if (ON_DEVICE.test(expression.text())) return true;
  if (depth === 0) return false;
  const root = notebook.root.root();
  const names = new Set(
    [expression, ...expression.findAll({ rule: { kind: "identifier" } })]
      .filter((n) => n.kind() === "identifier" && !(n.parent()?.kind() === "attribute" && n.parent()?.field("attribute")?.id() === n.id()))
      .filter((n) => !(n.parent()?.kind() === "keyword_argument" && n.parent()?.field("name")?.id() === n.id()))
      .map((n) => n.text()),
  );
  if (names.size === 0) return false;
  const pattern = `^(${[...names].map(escapeRegex).join("|")})$`;
  const definitions = root.findAll({
    rule: {
      any: [
        { kind: "assignment", has: { field: "left", regex: pattern } },
        { kind: "class_definition", has: { field: "name", regex: pattern } },
      ],
    },
  } as Matcher);
  for (const definition of definitions) {
    if (definition.kind() === "class_definition") {
      if (ON_DEVICE.test(definition.text())) return true;
      continue;
    }
    const value = definition.field("right");
    if (value && onDevice(notebook, value, depth - 1)) return true;
  }
  return false;
}
