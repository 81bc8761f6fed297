import { indentUnit, replaceRange } from "../engine/edits.js";
import { defineRule, type Fix, type RuleContext } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import type { Rule } from "@ast-grep/napi";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { indentationAt, lineEndOf, lineStartOf } from "../notebook/text.js";
import { cellsAt, findAllInCells, lineMatches } from "./lib/candidate-cells.js";
import { loopBodyTrains } from "./lib/epoch-loops.js";
import { marimoAt } from "./lib/marimo-access.js";

const docs = `
## What it does
Finds long loops that show no progress: epoch loops (\`for epoch in ...\`), loops over batches
(\`for xb, yb in train_loader\`, \`for i in range(0, n, batch_size)\`) and step loops (diffusion
timesteps, \`num_inference_steps\`, \`max_new_tokens\`, \`for step in range(...)\`, \`while step <
max_steps\`), in cells, \`@app.function\` bodies and nested functions.

A loop is left alone when its iterable already goes through \`mo.status.progress_bar\` or
\`tqdm\`, when it runs inside \`with mo.status.spinner(...)\` or inside another loop that shows
progress, when its body shows progress itself, when it is nested in another long loop (that one
is reported), when it sits in a function whose calls are wrapped in a spinner or a progress bar,
when it sits in a generator (its consumer's loop is reported), and when it sits in compiled or
traced code (\`@numba.njit\`, \`@cy.compile\`, \`@torch.compile\`, \`@jax.jit\`), which cannot call
marimo and would be slowed down by a progress indicator. A \`while\` loop that runs once per
pass of another loop, around it or around a call of the function that holds it (\`while n <
max_iter\` for each pixel), is an inner iteration and is left alone. Batch and step loops over
a literal \`range(10)\` or less are not long; epoch loops are, when their body trains or
evaluates (a backward pass, an optimizer step, a model, a loss, batches, or a call such as
\`train_one_epoch()\`): a loop over epochs that only summarises stored histories is not.

## Why is this bad?
A cell that trains for minutes looks exactly like a cell that hangs: marimo shows only that it
is running. The guide (section 4.4 "Progress Indicators", common pitfall 5 "No Progress
Indicators") asks for \`mo.status.progress_bar\` on loops with a known length and
\`mo.status.spinner\` around long operations, so that the user sees the work advancing and how
long it will take.

## Example
\`\`\`python
for epoch in range(num_epochs):
    for xb, yb in train_loader:
        ...
\`\`\`

Use instead:
\`\`\`python
for epoch in mo.status.progress_bar(range(num_epochs), title="Training"):
    for xb, yb in train_loader:
        ...
\`\`\`

## Fix
When the iterable has a length (\`range(...)\`, a list or tuple literal, a comprehension,
\`list(...)\`/\`sorted(...)\`, a data loader, scheduler timesteps, or a name assigned a list or a
\`DataLoader\`), wraps it: \`mo.status.progress_bar(<iterable>, title="...")\`; an
\`enumerate(loader)\` gets \`enumerate(mo.status.progress_bar(loader, title=...))\`. A loop
that runs once per pass of another loop (inside it, or in a function called inside one, such as
\`train_one_epoch\`) gets \`remove_on_exit=True\`, so that each finished bar goes away instead of
piling up under the cell. Otherwise (a
generator, \`zip(...)\`, a \`while\` loop, an \`async for\`) wraps the loop in
\`with mo.status.spinner(title="..."):\`, indenting it one level; lines inside multi-line strings
are left as they are, so the strings do not change. The title says what the loop does:
"Training", "Evaluating", "Generating", "Processing batches".

The fix uses the notebook's marimo import: the setup cell's, one earlier in the same cell, or
another cell's (which then becomes an input of this cell). In an \`@app.function\` only the
setup cell's import can be used. When no such import exists, the loop is reported without a fix.

## Fix safety
Safe: the loop runs the same iterations in the same order; only a progress indicator is shown
while it runs.
`;

// Loops of the candidate cells; `classify` decides in JS (a regex in a native rule is compiled
// on every query, which costs more than the query itself on a small cell).
const LOOP_CANDIDATES: Matcher = { rule: { any: [{ kind: "for_statement" }, { kind: "while_statement" }] } };

const PROGRESS = /progress_bar\s*\(|\bspinner\s*\(|\btqdm\b|\btrange\s*\(|\bprogress\s*\(/;
const STEPS = /num_inference_steps|timesteps|n_steps|num_steps|max_steps|total_steps|train_steps|\bsteps\b|max_new_tokens|num_iterations|iterations|n_iter|max_iter/i;
const STEP_TARGET = /^(step|global_step|iteration|timestep|it)$/i;

type LoopKind = "epoch" | "batch" | "steps";

interface LongLoop {
  readonly node: PyNode;
  readonly kind: LoopKind;
  /** A `for` loop (else a `while`). */
  readonly isFor: boolean;
  /** The iterable of a `for`, the condition of a `while`. */
  readonly head: string;
  readonly start: number;
  readonly text: string;
  /** `async for` (the keyword is the statement's first token). */
  readonly isAsync: boolean;
}

export const longLoopWithoutProgress = defineRule({
  code: "NVR004",
  name: "long-loop-without-progress",
  section: "4.4",
  severity: "warning",
  fix: "safe",
  summary: "Long loop (epochs, batches, generation steps) without `mo.status.progress_bar` or `mo.status.spinner`",
  docs,
  check(context) {
    const { notebook } = context;
    const cells = cellsAt(notebook, candidateOffsets(notebook.source));
    if (cells.length === 0) return;
    const candidates = findAllInCells(cells, LOOP_CANDIDATES);
    if (candidates.length === 0) return;
    const loops: LongLoop[] = [];
    for (const node of candidates) {
      const loop = classify(node);
      if (loop) loops.push(loop);
    }
    if (loops.length === 0) return;
    const long = new Set(loops.map((l) => l.start));
    const calledWithProgress = new Map<string, boolean>();
    const calledInLoops = new Map<string, boolean>();
    for (const loop of loops) {
      const cell = context.cellAt(loop.start);
      if (!cell || cell.kind === "unparsable") continue;
      if (PROGRESS.test(loop.text)) continue;
      const context_ = surroundings(loop.node, long, cell);
      if (context_.covered) continue;
      if (context_.functionName && functionShowsProgress(notebook, context_.functionName, calledWithProgress)) continue;
      const repeated = context_.inLoop || (context_.functionName !== undefined && calledInLoop(notebook, context_.functionName, calledInLoops));
      // A `while` run again and again by a loop around it (a convergence loop per pixel, retries
      // per item) is an inner iteration, not a long operation: a spinner there would be made
      // and removed on every pass of the outer loop.
      if (repeated && !loop.isFor) continue;
      report(context, cell, loop, repeated);
    }
  },
});

const FOR_LINE = /^[ \t]*(?:async[ \t]+)?for[ \t]([^\r\n]*)/gm;
/**
 * The target ends with a non-blank, so the lazy group and `[ \t]+` never share blanks. `s`: a
 * line separator (U+2028, in a comment) is no line end for Python; without the flag `.` stops there.
 */
const FOR_PARTS = /^(.*?\S)[ \t]+in[ \t]+(.*)$/s;
const WHILE_LINE = /^[ \t]*while[ \t]+(.*)$/gm;

/** Offsets of `for`/`while` lines whose text looks like a long loop: the cells worth a native query. */
function candidateOffsets(source: string): number[] {
  if (!source.includes("for") && !source.includes("while")) return [];
  const head = (text: string) => text.replace(/\r$/, "").replace(/#.*$/, "").trim().replace(/:$/, "").trim();
  const offsets: number[] = [];
  // Only the lines holding the keyword are tried (same matches as `source.matchAll`).
  for (const m of lineMatches(source, "for", FOR_LINE)) {
    const parts = FOR_PARTS.exec(m[1]!);
    if (parts && classifyText("for", parts[1]!, head(parts[2]!))) offsets.push(m.index);
  }
  for (const m of lineMatches(source, "while", WHILE_LINE)) if (classifyText("while", "", head(m[1]!))) offsets.push(m.index);
  return offsets;
}

/** A long loop, with what the checks and the report read of it (each read once). */
function classify(node: PyNode): LongLoop | undefined {
  const isFor = node.kind() !== "while_statement";
  const head = (isFor ? node.field("right") : node.field("condition"))?.text() ?? "";
  const kind = isFor ? classifyText("for", node.field("left")?.text() ?? "", head) : classifyText("while", "", head);
  if (!kind) return undefined;
  const text = node.text();
  if (kind === "epoch" && !loopBodyTrains(node, text)) return undefined;
  return { node, kind, isFor, head, start: startOf(node), text, isAsync: text.startsWith("async") };
}

function classifyText(loop: "for" | "while", target: string, iterable: string): LoopKind | undefined {
  if (loop === "while") {
    if (/epoch/i.test(iterable)) return "epoch";
    return /step|iter/i.test(iterable) ? "steps" : undefined;
  }
  if (/epoch/i.test(target) || /epoch/i.test(iterable)) return "epoch";
  if (/loader/i.test(iterable) || /batch/i.test(target) || /batch/i.test(iterable)) return tinyRange(iterable) ? undefined : "batch";
  if (STEPS.test(iterable) || STEP_TARGET.test(target.trim())) return tinyRange(iterable) ? undefined : "steps";
  return undefined;
}

/** `range(5)`, `range(1, 10)`: a literal range of at most ten items is not a long loop. */
function tinyRange(iterable: string): boolean {
  const m = /^range\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/.exec(iterable.replace(/_/g, ""));
  if (!m) return false;
  const count = m[2] === undefined ? Number(m[1]) : Number(m[2]) - Number(m[1]);
  return count <= 10;
}

interface Surroundings {
  /** Progress is already shown around the loop, or an enclosing long loop is reported instead. */
  readonly covered: boolean;
  /** The function the loop sits in, when it is one with a name. */
  readonly functionName: string | undefined;
  /** The loop sits in another loop of the same function or cell (one that is not long). */
  readonly inLoop: boolean;
}

const YIELD: Matcher = { rule: { kind: "yield" } };
/** Decorators that compile or trace a function: numba, Cython, PyTorch, JAX, TensorFlow. */
const COMPILING_DECORATOR = /^@\s*[\w.]*(?:\bjit|njit|cfunc|vectorize|compile|cython|function)\b/;

function isCompiled(definition: PyNode): boolean {
  const parent = definition.parent();
  if (parent?.kind() !== "decorated_definition") return false;
  return parent.children().some((c) => c.kind() === "decorator" && COMPILING_DECORATOR.test(c.text()) && !/^@\s*app\.function\b/.test(c.text()));
}

const COVERED: Surroundings = { covered: true, functionName: undefined, inLoop: false };

function surroundings(loop: PyNode, long: ReadonlySet<number>, cell: Cell): Surroundings {
  let inLoop = false;
  for (const ancestor of loop.ancestors()) {
    const kind = ancestor.kind();
    if (kind === "function_definition") {
      if (cell.kind === "cell" && startOf(ancestor) === cell.signatureStart) return { covered: false, functionName: undefined, inLoop };
      // A generator's loop runs at the pace of its consumer, whose loop is the one to report.
      if (ancestor.find(YIELD)) return COVERED;
      // Compiled or traced code (`@numba.njit`, `@cy.compile`, `@torch.compile`, `@jax.jit`)
      // cannot call marimo, and a progress indicator there would break or slow it.
      if (isCompiled(ancestor)) return COVERED;
      const name = ancestor.field("name")?.text();
      return { covered: false, functionName: name === "_" || name === "__" ? undefined : name, inLoop };
    }
    if (kind === "lambda" || kind === "class_definition") break;
    if (kind === "for_statement" || kind === "while_statement") {
      if (long.has(startOf(ancestor))) return COVERED;
      const head = kind === "for_statement" ? ancestor.field("right")?.text() ?? "" : "";
      if (PROGRESS.test(head)) return COVERED;
      inLoop = true;
    }
    if (kind === "with_statement") {
      const clause = ancestor.children().find((c) => c.kind() === "with_clause");
      if (clause && PROGRESS.test(clause.text())) return COVERED;
    }
  }
  return { covered: false, functionName: undefined, inLoop };
}

/** Statements and expressions that run what they hold once per item. */
const REPEATING: Rule[] = ["for_statement", "while_statement", "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"].map((kind) => ({ kind }));
/** Statements under which what runs shows progress. */
const SHOWING_PROGRESS: Rule[] = [
  { kind: "with_statement", has: { kind: "with_clause", regex: "spinner|progress_bar" } },
  { kind: "for_statement", has: { field: "right", regex: "progress_bar|tqdm|trange" } },
];

/**
 * Whether the function `name` is called somewhere in the notebook inside one of `containers`
 * (answers cached by name, one cache per question).
 */
function calledInside(notebook: Notebook, name: string, containers: Rule[], cache: Map<string, boolean>): boolean {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const calls = notebook.root.root().findAll({
    rule: { kind: "call", has: { field: "function", regex: `(^|\\.)${name}$` }, inside: { stopBy: "end", any: containers } },
  });
  const result = calls.length > 0;
  cache.set(name, result);
  return result;
}

/** Whether the function `name` is called inside a loop or a comprehension: each call then makes an indicator of its own. */
function calledInLoop(notebook: Notebook, name: string, cache: Map<string, boolean>): boolean {
  return calledInside(notebook, name, REPEATING, cache);
}

/** Whether a call of `name` somewhere runs under a spinner or a progress bar. */
function functionShowsProgress(notebook: Notebook, name: string, cache: Map<string, boolean>): boolean {
  if (!/spinner|progress_bar|tqdm|trange/.test(notebook.source)) return false;
  return calledInside(notebook, name, SHOWING_PROGRESS, cache);
}

function titleFor(loop: LongLoop): string {
  const { text, head } = loop;
  if (loop.kind === "epoch" || /\.backward\s*\(|optimi[sz]er\.step\s*\(|\.fit\s*\(/.test(text)) return "Training";
  if (/timesteps|inference_steps|max_new_tokens|\.generate\s*\(|denois|scheduler\.step/i.test(text)) return "Generating";
  if (/no_grad|inference_mode|\.eval\s*\(|\bval|\btest|evaluat/i.test(text + head)) return "Evaluating";
  if (loop.kind === "batch") return "Processing batches";
  return "Running steps";
}

/** `repeated`: the loop runs once per pass of another loop, so a finished bar should not stay. */
function report(context: RuleContext, cell: Cell, loop: LongLoop, repeated: boolean): void {
  const { notebook } = context;
  const header = headerText(loop);
  const what = loop.kind === "epoch" ? "epoch loop" : loop.kind === "batch" ? "loop over batches" : "step loop";
  const sizedForm = loop.isFor && !loop.isAsync;
  const remedy = sizedForm
    ? "wrap its iterable in `mo.status.progress_bar(..., title=...)` (or the loop in `with mo.status.spinner(...)`)"
    : "wrap it in `with mo.status.spinner(title=...)`";
  const message = `Long ${what} \`${header}\` shows no progress: ${remedy} so that users see it advancing`;
  const mo = marimoAt(notebook, () => context.dataflow(), cell, loop.start);
  if (!mo.ok) {
    context.report({ node: loop.node, message: `${message} (not fixed: ${mo.reason})` });
    return;
  }
  const fix = progressBarFix(notebook, loop, mo.name, repeated) ?? spinnerFix(notebook, cell, loop, mo.name);
  if (!fix) {
    context.report({ node: loop.node, message: `${message} (not fixed: the loop shares its lines with other code)` });
    return;
  }
  context.report({ node: loop.node, message, fix });
}

function headerText(loop: LongLoop): string {
  const body = loop.node.field("body");
  const text = body ? loop.text.slice(0, startOf(body) - loop.start) : loop.text;
  const one = text.replace(/\s+/g, " ").replace(/\s*:\s*$/, "").trim();
  return one.length <= 60 ? one : `${one.slice(0, 57)}...`;
}

/**
 * `for x in <sized>:` → `for x in mo.status.progress_bar(<sized>, title=...)`, with
 * `remove_on_exit=True` when the loop runs once per pass of another (one bar per epoch would
 * otherwise pile up finished bars under the cell).
 */
function progressBarFix(notebook: Notebook, loop: LongLoop, mo: string, repeated: boolean): Fix | undefined {
  const node = loop.node;
  if (!loop.isFor || loop.isAsync) return undefined;
  let iterable = node.field("right");
  if (!iterable) return undefined;
  // A call of `enumerate` starts with its name.
  if (loop.head.startsWith("enumerate") && iterable.kind() === "call" && iterable.field("function")?.text() === "enumerate") {
    const first = iterable.field("arguments")?.namedChildren().filter((a) => a.kind() !== "comment")[0];
    if (!first || first.kind() === "keyword_argument" || first.kind() === "list_splat") return undefined;
    iterable = first;
  }
  if (!isSized(notebook, iterable)) return undefined;
  const title = titleFor(loop);
  const range = iterable.range();
  const text = notebook.source.slice(range.start.index, range.end.index);
  const options = `title=${JSON.stringify(title)}${repeated ? ", remove_on_exit=True" : ""}`;
  return {
    description: `Wrap the loop's iterable in \`${mo}.status.progress_bar(..., ${options})\``,
    edits: [replaceRange(range.start.index, range.end.index, `${mo}.status.progress_bar(${text}, ${options})`)],
  };
}

const SIZED_NAME = /loader|timesteps/i;

function isSized(notebook: Notebook, node: PyNode): boolean {
  const kind = node.kind();
  if (kind === "list" || kind === "tuple" || kind === "list_comprehension" || kind === "dictionary" || kind === "set") return true;
  if (kind === "call") {
    const callee = node.field("function")?.text() ?? "";
    return /^(range|list|sorted|tuple|DataLoader|(\w+\.)*DataLoader)$/.test(callee);
  }
  if (kind === "identifier" || kind === "attribute") {
    const text = node.text();
    if (!/^[\w.]+$/u.test(text)) return false;
    if (SIZED_NAME.test(text)) return true;
    if (kind !== "identifier") return false;
    const assigned = new RegExp(`(?:^|\\n)[ \\t]*${text}\\s*(?::[^=\\n]+)?=\\s*(\\[|\\(|list\\(|sorted\\(|tuple\\(|(\\w+\\.)*DataLoader\\()`, "u");
    return assigned.test(notebook.source);
  }
  return false;
}

/** `with mo.status.spinner(title=...):` around the loop, which moves one level in. */
function spinnerFix(notebook: Notebook, cell: Cell, loop: LongLoop, mo: string): Fix | undefined {
  const source = notebook.source;
  const node = loop.node;
  const start = lineStartOf(source, startOf(node));
  const end = lineEndOf(source, endOf(node));
  if (source.slice(start, startOf(node)).trim() !== "") return undefined;
  if (source.slice(endOf(node), end).trim() !== "" && !/^\s*#/.test(source.slice(endOf(node), end))) return undefined;
  const indent = indentationAt(source, startOf(node));
  const unit = indentUnit(cell);
  const protectedLines = stringInteriorLines(notebook, node);
  const firstLine = notebook.lineOf(start);
  const lines = source.slice(start, end).split("\n");
  const indented = lines.map((line, i) => {
    if (protectedLines.has(firstLine + i)) return line;
    if (line.trim() === "") return line.replace(/[^\r]*/, "");
    return line.startsWith(indent) ? indent + unit + line.slice(indent.length) : unit + line;
  });
  const title = `${titleFor(loop)}...`;
  const text = `${indent}with ${mo}.status.spinner(title=${JSON.stringify(title)}):\n${indented.join("\n")}`;
  return {
    description: `Wrap the loop in \`with ${mo}.status.spinner(title="${title}")\``,
    edits: [replaceRange(start, end, text.replace(/\r\n/g, "\n").replace(/\r/g, ""))],
  };
}

/** Lines (1-based) inside multi-line strings, past their first line: they must not be re-indented. */
function stringInteriorLines(notebook: Notebook, node: PyNode): Set<number> {
  const lines = new Set<number>();
  for (const string of node.findAll({ rule: { kind: "string" } })) {
    const from = notebook.lineOf(startOf(string));
    const to = notebook.lineOf(endOf(string));
    for (let line = from + 1; line <= to; line++) lines.add(line);
  }
  return lines;
}
