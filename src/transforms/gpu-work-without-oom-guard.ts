import { indentUnit, insertLinesBefore, replaceRange } from "../engine/edits.js";
import { defineRule, type Fix, type RuleContext, type TextEdit } from "../engine/types.js";
import type { Dataflow } from "../notebook/dataflow.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { endOf, startOf, type PyNode } from "../notebook/python.js";
import { indentationAt, lineEndOf, lineStartOf } from "../notebook/text.js";
import { analyzeGpuWork, exceptClauses, statementIndexOf, type GpuWork, type GpuWorkAnalysis, type GpuWorkKind } from "./lib/gpu-work.js";
import { importsModule, importsOf, moduleAliases } from "./lib/imports.js";
import { mentionsGpu } from "./lib/gpu-notebook.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds heavy GPU work that no \`except torch.cuda.OutOfMemoryError\` handler guards, in notebooks
that import \`torch\` and whose code (not its strings or comments) uses CUDA or names a GPU or a
device (\`"cuda"\`, \`.cuda()\`, \`torch.cuda.*\`, \`try_gpu()\`, \`.to(device)\`):

- training steps: \`loss.backward()\`, \`optimizer.step()\`, \`scaler.step(...)\`, \`trainer.train()\`;
- large CUDA allocations with literal sizes, at least 2**26 elements (\`torch.randn(8192, 8192,
  device="cuda")\`, \`torch.empty(...).cuda()\`);
- generation: \`model.generate(...)\`, calls of a diffusers or transformers pipeline;
- batched inference: \`model(batch)\` in a loop over a data loader under \`torch.no_grad()\` or
  \`torch.inference_mode()\`;
- calls of notebook functions (\`@app.function\` or defined in a cell) that do any of these.

Work counts as guarded inside a \`try\` whose first handler that catches an out-of-memory error
(a \`RuntimeError\`) either names it (\`except torch.cuda.OutOfMemoryError\`, \`except
torch.OutOfMemoryError\`, alone or in a tuple), or is broad (a bare \`except:\`, \`except
Exception\`, \`except BaseException\`, \`except RuntimeError\`, alone or in a tuple such as
\`except (ValueError, Exception)\`) and does not raise again: such a handler is the author's own
fallback (skip the batch, try another method) and the rule leaves it alone. A broad handler with
a \`raise\` among its own statements (\`except Exception: log(...); raise\`, \`raise
RuntimeError(...) from e\`) is no fallback, unless it checks for \`"out of memory"\` or an outer
\`try\` of the cell handles what it raises; a \`raise\` inside an \`if\` of the handler is the
author choosing what to recover from, and counts as a fallback. A function that guards its own
work (the guide's \`safe_gpu_operation\`) makes its calls guarded too.

## Why is this bad?
Running out of GPU memory is the most common failure of a GPU notebook, and it depends on the
user's card, on other programs and on the sliders they moved. Unhandled, it ends the cell with
a long traceback, leaves the cached blocks reserved, and tells the user nothing about what to
change. The guide (section 6.1 "GPU Error Handling") asks to catch it, free the cache, and
suggest fixes.

## Example
\`\`\`python
for images, labels in train_loader:
    loss = F.cross_entropy(model(images.cuda()), labels.cuda())
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
loss.item()
\`\`\`

Use instead:
\`\`\`python
try:
    for images, labels in train_loader:
        loss = F.cross_entropy(model(images.cuda()), labels.cuda())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
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
                - Reduce the batch size, or train in mixed precision (\`torch.autocast\`)
                - Use a smaller model
                - Close other programs that use the GPU (check \`nvidia-smi\`)
                """
            ),
            kind="danger",
        ),
    )
loss.item()
\`\`\`

## Fix
Wraps the cell's statements from the first heavy one to the last one in \`try:\` (with the
comment lines right above the first one, and the statements after the last one that use a
tensor it allocated) and adds an \`except torch.cuda.OutOfMemoryError:\` handler that empties
the cache and stops the cell with a danger callout naming the GPU, its free memory and remedies
that fit the work (smaller batch, fewer tokens or images, smaller tensors, smaller model,
closing other GPU programs; a notebook that never mentions a batch or a data loader trains on
all its data at once, so its training remedy is fewer samples at a time, not a smaller batch).
Setup before the first heavy statement, the cell's trailing display expression and its
\`return\` stay outside the \`try\`; when the display expression is itself the heavy work, its
value goes to a private name (\`_result\`) inside the \`try\` and is displayed after it. Work
inside a function is guarded where the function is called. Work the author's
fallback handles already (see above) is neither reported nor wrapped; other work of the same
cell is, and the author's \`try\` may then sit inside the new one, where it still catches the
error first. When the work sits in a \`try\` already (the cell's top-level statement is that
\`try\`, or its broad handler raises again), the handler becomes that \`try\`'s first
\`except\` clause instead, so an out-of-memory error stops the cell with the callout instead of
being raised again (the re-raising handler, which can also turn it into another exception that
no outer handler would know, keeps every other error). Lines that start inside a multi-line
string are not re-indented, so no string changes.

The handler uses the notebook's own names: \`import torch as t\` gives \`except
t.cuda.OutOfMemoryError\`, and \`mo\` is the cell's (or setup cell's) marimo import. A notebook
that never imports \`marimo as mo\` in a cell gets \`import marimo as mo\` next to its first
\`import torch\`. No fix is offered when no cell imports \`torch\` itself (only \`from torch import
...\`), or when a heavy statement shares its line with other statements.

## Fix safety
Unsafe: after an out-of-memory error the cell now stops with a callout instead of raising, so
the cells that depend on it do not run, and code that relied on the exception (an outer
handler, a test) behaves differently. Re-indented lines can also exceed the line length the
project's formatter allows.
`;


/** Calls whose value a trailing expression statement does not display (they return None). */
const NO_DISPLAY_METHODS = new Set(["backward", "step", "zero_grad", "update", "fit", "train", "synchronize"]);

const REMEDIES: Record<GpuWorkKind, string> = {
  training: "Reduce the batch size, or train in mixed precision (`torch.autocast`)",
  inference: "Reduce the batch size of the data loader",
  generation: "Generate fewer tokens at once (lower `max_new_tokens`) or shorten the prompt",
  pipeline: "Generate fewer or smaller outputs at once (fewer images, a lower resolution, fewer new tokens)",
  allocation: "Allocate smaller tensors",
};

/** The training remedy of a notebook with no batch size to reduce (full-batch training). */
const FULL_BATCH_TRAINING = "Train in mixed precision (`torch.autocast`), or on fewer samples at a time";

/**
 * Whether a notebook can have a batch size: it mentions a batch or a data loader somewhere
 * (code, strings or comments). One that never does trains on all its data at once.
 */
const MENTIONS_BATCHES = /batch|loader/i;

export const gpuWorkWithoutOomGuard = defineRule({
  code: "NVE001",
  name: "gpu-work-without-oom-guard",
  section: "6.1",
  severity: "warning",
  fix: "unsafe",
  // Wrapping in `try` comes last, so gates and seeds land at the top of the cell first.
  fixPriority: 10,
  summary: "Heavy GPU work (training, large allocations, generation, batched inference) without an out-of-memory handler",
  docs,
  check(context) {
    const { notebook } = context;
    if (!mentionsGpu(notebook)) return;
    if (!importsModule(notebook, "torch")) return;
    const analysis = analyzeGpuWork(notebook, moduleAliases(notebook, "torch"));
    if (analysis.byCell.size === 0) return;
    const flow = context.dataflow();
    for (const [index, work] of analysis.byCell) {
      const cell = notebook.cells[index]!;
      checkCell(context, flow, analysis, cell, work);
    }
  },
});

function checkCell(context: RuleContext, flow: Dataflow, analysis: GpuWorkAnalysis, cell: Cell, work: readonly GpuWork[]): void {
  const { notebook } = context;
  const first = work[0]!;
  const torch = globalAlias(notebook, flow, "torch", cell);
  const more = work.length > 1 ? ` (and ${work.length - 1} more in this cell)` : "";
  const message = `${first.label}${more} can run out of GPU memory and nothing catches \`${torch ?? "torch"}.cuda.OutOfMemoryError\`: wrap it in \`try\`/\`except\`, empty the cache and tell the user how to recover`;
  if (!torch) {
    context.report({ node: first.node, message: `${message} (import torch in a cell or the setup cell to get a fix)` });
    return;
  }
  const fix = buildFix(context, flow, analysis, cell, work, torch);
  if (typeof fix === "string") context.report({ node: first.node, message: `${message} (${fix}: not fixed)` });
  else context.report({ node: first.node, message, fix });
}

/** A name bound to `module` that every cell can see: from the setup cell or defined by one cell. */
function globalAlias(notebook: Notebook, flow: Dataflow, module: string, cell: Cell): string | undefined {
  const visible = moduleAliases(notebook, module).filter((alias) => {
    if (flow.setupNames.has(alias)) return true;
    const definers = flow.definers.get(alias);
    if (!definers || definers.length !== 1) return false;
    return definers[0] === cell.index || readsAlready(flow, cell, alias) || !dependsOn(notebook, flow, definers[0]!, cell.index);
  });
  const unique = [...new Set(visible)];
  // Prefer the name the cell already uses, then the conventional one.
  const vars = flow.variables.get(cell.index);
  const used = unique.find((alias) => vars?.refs.has(alias) || vars?.defs.has(alias));
  const preferred = module === "marimo" ? ["mo", "marimo"] : [module];
  return used ?? preferred.find((p) => unique.includes(p)) ?? unique[0];
}

function readsAlready(flow: Dataflow, cell: Cell, name: string): boolean {
  return flow.variables.get(cell.index)?.refs.has(name) ?? false;
}

/**
 * Whether cell `from` (transitively) reads something that cell `to` defines: a walk from `from`
 * up through the cells that define what it reads (only regular cells read from other cells),
 * so that only those cells are analysed.
 */
function dependsOn(notebook: Notebook, flow: Dataflow, from: number, to: number): boolean {
  const parents = (index: number): number[] => {
    if (notebook.cells[index]?.kind !== "cell") return [];
    const result: number[] = [];
    for (const ref of flow.variables.get(index)?.refs ?? []) {
      for (const definer of flow.definers.get(ref) ?? []) if (definer !== index) result.push(definer);
    }
    return result;
  };
  const visited = new Set<number>([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const parent of parents(stack.pop()!)) {
      if (parent === to) return true;
      if (!visited.has(parent)) {
        visited.add(parent);
        stack.push(parent);
      }
    }
  }
  return false;
}

interface Marimo {
  readonly alias: string;
  readonly edit: TextEdit | undefined;
}

/** The `mo` to call in the handler; adds `import marimo as mo` beside `import torch` if needed. */
function marimoAlias(notebook: Notebook, flow: Dataflow, cell: Cell): Marimo | string {
  const alias = globalAlias(notebook, flow, "marimo", cell);
  if (alias) return { alias, edit: undefined };
  if (flow.setupNames.has("mo") || flow.definers.has("mo") || flow.topLevelNames.has("mo")) {
    return "`mo` is taken by something other than a marimo import that this cell can read";
  }
  // Always the first top-level `import torch` of the notebook, so that fixes of several cells
  // in one pass all insert at the same place (the fix loop then applies only one of them).
  const torchImport = importsOf(notebook).find((i) => {
    if (i.attribute !== undefined || i.module !== "torch") return false;
    const owner = notebook.cells.find((c) => (c.kind === "setup" || c.kind === "cell") && c.statements.some((s) => s.id() === i.node.id()));
    return owner !== undefined;
  });
  if (!torchImport) return "no top-level `import torch` to put `import marimo as mo` next to";
  const owner = notebook.cells.find((c) => c.start <= startOf(torchImport.node) && endOf(torchImport.node) <= c.end)!;
  if (owner.kind === "cell" && owner.index !== cell.index && dependsOn(notebook, flow, owner.index, cell.index)) {
    return "the cell that imports torch depends on this one, so it cannot provide `mo`";
  }
  return { alias: "mo", edit: insertLinesBefore(notebook, torchImport.node, "import marimo as mo") };
}

function buildFix(context: RuleContext, flow: Dataflow, analysis: GpuWorkAnalysis, cell: Cell, work: readonly GpuWork[], torch: string): Fix | string {
  const { notebook } = context;
  const source = notebook.source;
  if (cell.bodyIndent === "") return "the cell is written on one line";
  const marimo = marimoAlias(notebook, flow, cell);
  if (typeof marimo === "string") return marimo;
  const unit = indentUnit(cell);
  const kinds = new Set<GpuWorkKind>();
  for (const w of work) for (const k of w.kinds) kinds.add(k);
  const handler = handlerBody(torch, marimo.alias, remediesFor(kinds, MENTIONS_BATCHES.test(source)));

  // Work inside an existing `try` gets the handler there; the rest is wrapped.
  const tries = new Map<number, PyNode>();
  let firstIndex = Infinity;
  let lastIndex = -1;
  for (const w of work) {
    const index = statementIndexOf(cell.statements, w.node);
    if (index < 0) continue;
    const statement = cell.statements[index]!;
    const target = w.swallowedBy ?? (statement.kind() === "try_statement" && inTryBody(statement, w.node) ? statement : undefined);
    if (target) tries.set(target.id(), target);
    else {
      firstIndex = Math.min(firstIndex, index);
      lastIndex = Math.max(lastIndex, index);
    }
  }

  if (lastIndex >= 0) lastIndex = extendOverUses(cell, work, analysis, firstIndex, lastIndex);

  const edits: TextEdit[] = [];
  const wrapStart = lastIndex >= 0 ? startOf(cell.statements[firstIndex]!) : Infinity;
  const wrapEnd = lastIndex >= 0 ? endOf(cell.statements[lastIndex]!) : -Infinity;
  for (const tryNode of tries.values()) {
    // A `try` inside the wrapped statements gets its own handler in a later pass.
    if (startOf(tryNode) >= wrapStart && endOf(tryNode) <= wrapEnd) continue;
    const edit = addHandlerToTry(source, tryNode, torch, handler, unit);
    if (typeof edit === "string") return edit;
    edits.push(edit);
  }
  if (lastIndex >= 0) {
    const edit = wrapStatements(context, analysis, cell, firstIndex, lastIndex, torch, handler, unit);
    if (typeof edit === "string") return edit;
    edits.push(edit);
  }
  if (edits.length === 0) return "nothing to change";
  if (marimo.edit) {
    if (edits.some((e) => e.start <= marimo.edit!.end && marimo.edit!.start <= e.end)) return "`import torch` sits among the heavy statements";
    edits.push(marimo.edit);
  }
  return {
    description: `Catch \`${torch}.cuda.OutOfMemoryError\` around the GPU work and stop the cell with a callout that explains how to recover`,
    edits,
  };
}

/**
 * Large tensors are allocated to be used: statements after the last heavy one that read a name
 * bound by an allocation (`c = a @ b` after `a = torch.randn(8192, 8192, device="cuda")`) are
 * wrapped too. The cell's trailing display expression is never pulled in.
 */
function extendOverUses(cell: Cell, work: readonly GpuWork[], analysis: GpuWorkAnalysis, firstIndex: number, lastIndex: number): number {
  const names = new Set<string>();
  for (const w of work) {
    if (!w.kinds.has("allocation")) continue;
    const statement = cell.statements[statementIndexOf(cell.statements, w.node)];
    const assignment = statement?.kind() === "expression_statement" ? statement.namedChildren()[0] : undefined;
    if (assignment?.kind() !== "assignment") continue;
    for (const id of assignment.field("left")?.findAll({ rule: { kind: "identifier" } }) ?? []) names.add(id.text());
  }
  if (names.size === 0) return lastIndex;
  const uses = new RegExp(`(?<![\\w.])(${[...names].map(escapeRegex).join("|")})(?!\\w)`);
  let end = lastIndex;
  const lastStatement = cell.statements.length - 1;
  for (let i = lastIndex + 1; i < cell.statements.length; i++) {
    const statement = cell.statements[i]!;
    if (i === lastStatement && isDisplayExpression(statement, analysis, cell)) break;
    if (uses.test(statement.text())) end = i;
  }
  return Math.max(end, firstIndex);
}

function inTryBody(tryNode: PyNode, node: PyNode): boolean {
  const body = tryNode.children().find((c) => c.kind() === "block");
  return body !== undefined && startOf(body) <= startOf(node) && endOf(node) <= endOf(body);
}

function remediesFor(kinds: ReadonlySet<GpuWorkKind>, batched: boolean): string[] {
  const order: GpuWorkKind[] = ["training", "inference", "generation", "pipeline", "allocation"];
  const remedies = order.filter((k) => kinds.has(k)).map((k) => (k === "training" && !batched ? FULL_BATCH_TRAINING : REMEDIES[k]));
  if (kinds.size > (kinds.has("allocation") ? 1 : 0)) remedies.push("Use a smaller model");
  remedies.push("Close other programs that use the GPU (check `nvidia-smi`)");
  return remedies;
}

/** The handler body as (depth, text) lines; depth counts indentation units below `except`. */
function handlerBody(torch: string, mo: string, remedies: readonly string[]): Array<[number, string]> {
  return [
    [1, `${torch}.cuda.empty_cache()`],
    [1, `_free_bytes, _total_bytes = ${torch}.cuda.mem_get_info()`],
    [1, `${mo}.stop(`],
    [2, "True,"],
    [2, `${mo}.callout(`],
    [3, `${mo}.md(`],
    [4, 'f"""'],
    [4, `❌ **GPU out of memory** on {${torch}.cuda.get_device_name()}: {_free_bytes / 1e9:.1f} GB free of {_total_bytes / 1e9:.1f} GB.`],
    [0, ""],
    [4, "**Solutions**:"],
    ...remedies.map((r): [number, string] => [4, `- ${r}`]),
    [4, '"""'],
    [3, "),"],
    [3, 'kind="danger",'],
    [2, "),"],
    [1, ")"],
  ];
}

function exceptLines(indent: string, unit: string, torch: string, handler: ReadonlyArray<[number, string]>): string[] {
  return [`${indent}except ${torch}.cuda.OutOfMemoryError:`, ...handler.map(([depth, text]) => (text === "" ? "" : indent + unit.repeat(depth) + text))];
}

/** Inserts `except torch.cuda.OutOfMemoryError:` as the first handler of an existing `try`. */
function addHandlerToTry(source: string, tryNode: PyNode, torch: string, handler: ReadonlyArray<[number, string]>, unit: string): TextEdit | string {
  const clause = tryNode.children().find((c) => ["except_clause", "except_group_clause", "else_clause", "finally_clause"].includes(String(c.kind())));
  if (!clause) return "the `try` has no clauses";
  if (exceptClauses(tryNode).some((c) => c.kind() === "except_group_clause")) return "the `try` uses `except*`";
  const at = lineStartOf(source, startOf(clause));
  if (source.slice(at, startOf(clause)).trim() !== "") return "the `except` shares its line with other code";
  const indent = indentationAt(source, startOf(tryNode));
  return replaceRange(at, at, exceptLines(indent, unit, torch, handler).join("\n") + "\n");
}

/** Line numbers (0-based, within `text` starting at `offset`) that begin inside a multi-line string. */
function stringInteriorLines(cell: Cell, source: string, offset: number, text: string): Set<number> {
  const result = new Set<number>();
  // Every string has a quote: a cell without one has no string to query for.
  if (!/["']/.test(source.slice(cell.start, cell.end))) return result;
  const strings = cell.body?.findAll({ rule: { kind: "string", regex: "\\n" } }) ?? [];
  let lineStart = offset;
  const starts: number[] = [];
  for (const line of text.split("\n")) {
    starts.push(lineStart);
    lineStart += line.length + 1;
  }
  for (const s of strings) {
    const a = startOf(s);
    const b = endOf(s);
    // Line starts are increasing: the first one after `a`, then the following ones before `b`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= a) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < starts.length && starts[i]! < b; i++) result.add(i);
  }
  return result;
}

function wrapStatements(
  context: RuleContext,
  analysis: GpuWorkAnalysis,
  cell: Cell,
  firstIndex: number,
  lastIndex: number,
  torch: string,
  handler: ReadonlyArray<[number, string]>,
  unit: string,
): TextEdit | string {
  const source = context.notebook.source;
  const first = cell.statements[firstIndex]!;
  const last = cell.statements[lastIndex]!;
  let start = lineStartOf(source, startOf(first));
  const end = lineEndOf(source, endOf(last));
  if (source.slice(start, startOf(first)).trim() !== "") return "the first heavy statement shares its line with other code";
  if (!/^\s*(#.*)?$/.test(source.slice(endOf(last), end))) return "the last heavy statement shares its line with other code";

  const indent = indentationAt(source, startOf(first));
  // Comment lines right above the first heavy statement describe it: they move into the `try`.
  const previousEnd = firstIndex > 0 ? endOf(cell.statements[firstIndex - 1]!) : cell.signatureEnd;
  while (start > 0) {
    const above = lineStartOf(source, start - 1);
    if (above <= previousEnd) break;
    const line = source.slice(above, start).replace(/\r?\n$/, "");
    if (!line.startsWith(indent + "#")) break;
    start = above;
  }
  const text = source.slice(start, end);
  const interior = stringInteriorLines(cell, source, start, text);
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));

  // A trailing display expression that is itself the heavy work keeps being displayed.
  let display: string | undefined;
  if (lastIndex === cell.statements.length - 1 && isDisplayExpression(last, analysis, cell)) {
    display = privateName(source.slice(cell.start, cell.end), "_result");
    const k = lines.length - 1 - (source.slice(startOf(last), end).split("\n").length - 1);
    lines[k] = `${indent}${display} = ${lines[k]!.slice(indent.length)}`;
  }

  const body = lines.map((line, i) => {
    if (interior.has(i)) return line;
    if (line.trim() === "") return "";
    return line.startsWith(indent) ? indent + unit + line.slice(indent.length) : unit + line;
  });
  const out = [`${indent}try:`, ...body, ...exceptLines(indent, unit, torch, handler)];
  if (display) out.push(`${indent}${display}`);
  return replaceRange(start, end, out.join("\n"));
}

/** Whether the cell's last statement is an expression whose value marimo displays. */
function isDisplayExpression(statement: PyNode, analysis: GpuWorkAnalysis, cell: Cell): boolean {
  if (statement.kind() !== "expression_statement") return false;
  const children = statement.namedChildren();
  if (children.length !== 1) return children.length > 1;
  let expr = children[0]!;
  const kind = expr.kind();
  if (["assignment", "augmented_assignment", "yield", "string", "comment"].includes(String(kind))) return false;
  if (kind === "await") expr = expr.namedChildren()[0] ?? expr;
  if (expr.kind() !== "call") return true;
  const fn = expr.field("function");
  if (!fn) return true;
  if (fn.kind() === "attribute") return !NO_DISPLAY_METHODS.has(fn.field("attribute")?.text() ?? "");
  if (fn.kind() === "identifier") {
    const name = fn.text();
    if (name === "print") return false;
    const heavy = analysis.functions.get(name) ?? analysis.functions.get(`${cell.index}:${name}`);
    if (heavy) return heavy.returnsValue;
  }
  return true;
}

/** A private name the cell does not use yet. */
function privateName(cellText: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}_${n}`;
    if (!new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(cellText)) return name;
  }
}
