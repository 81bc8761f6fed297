import { indentUnit, insertLinesBefore, replaceNode, replaceRange } from "../engine/edits.js";
import { defineRule, type RuleContext, type TextEdit } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { importsOf, moduleAliases } from "./lib/imports.js";
import { callArguments, findInCells, ownsLines, statementOf, usesGpu, visibleAlias } from "./lib/nvp-helpers.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds wall-clock measurements of GPU work, \`start = time.time()\` (or \`time.perf_counter()\`,
\`time.monotonic()\`, \`timeit.default_timer()\`, \`perf_counter()\` imported from \`time\`) followed
by \`time.time() - start\` or \`end = time.time()\` ... \`end - start\` in the same cell or
function, where the code in between runs GPU work (PyTorch calls, \`.cuda()\`, \`.to(...)\`, a
model or pipeline call, \`.backward()\`, CuPy/RAPIDS calls, or a notebook function doing any of
these) and nothing calls \`synchronize()\` between the two clock reads. A host read of a result
(\`.item()\`, \`.cpu()\`, \`.numpy()\`, \`.tolist()\`) right before the end time also waits for the
GPU and counts as a synchronisation.

## Why is this bad?
CUDA kernels run asynchronously: PyTorch returns as soon as the work is queued. Without
\`torch.cuda.synchronize()\` the clock stops before the GPU has finished, so the measured time is
the launch overhead, often far below the real time, and CPU-vs-GPU comparisons are meaningless
(guide, section 5.1 "GPU Utilization Metrics"). \`time.time()\` also follows the system clock,
which can jump; \`time.perf_counter()\` is the clock meant for intervals.

## Example
\`\`\`python
start = time.time()
output = model(batch)
elapsed = time.time() - start
\`\`\`

Use instead:
\`\`\`python
start = time.perf_counter()
output = model(batch)
torch.cuda.synchronize()  # wait for the queued GPU kernels before reading the clock
elapsed = time.perf_counter() - start
\`\`\`

## Fix
Inserts \`torch.cuda.synchronize()\` on the line before the statement that reads the end time,
in the notebook's alias for \`torch\` (\`cp.cuda.Device().synchronize()\` when the cell times CuPy
code, or when the notebook uses CuPy and not PyTorch); in a notebook that can run without a GPU (it calls
\`torch.cuda.is_available()\` or \`device_count()\`, or names the \`"cpu"\` device), the call is guarded by \`if torch.cuda.is_available():\`. When
the interval is measured with \`time.time()\` (or \`time_ns()\`) and its start and end variables
serve only this measurement, both reads become \`time.perf_counter()\` (\`perf_counter_ns()\`);
with \`from time import time\`, the \`perf_counter\` the notebook imports is used, else it is added to
that import (or replaces \`time\` there when nothing else calls it). No fix is offered when
the cell cannot see a \`torch\` (or \`cupy\`) import, or when the end time is read in the header of a
compound statement or on a line shared with other statements.

## Fix safety
Safe: synchronising only waits for work already queued, and the measured time becomes the real
one. Results of the GPU work do not change.
`;

/** Timer functions and their interval-clock replacement (undefined: already an interval clock). */
const TIMERS: Record<string, string | undefined> = {
  time: "perf_counter",
  time_ns: "perf_counter_ns",
  perf_counter: undefined,
  perf_counter_ns: undefined,
  monotonic: undefined,
  monotonic_ns: undefined,
};

/** A notebook without this text reads no clock (aliases such as `timer()` come with their import). */
const CLOCK_TEXT = /\b(time|time_ns|perf_counter|perf_counter_ns|monotonic|monotonic_ns)\s*\(\s*\)|default_timer|from\s+time\s+import/;

/** Code that runs on a GPU (in a notebook that uses one). */
const GPU_WORK =
  /\.cuda\(|\.to\(|\bcuda\b|\.backward\(|\.generate\(|\.step\(|\b\w*(model|net|pipe|pipeline|llm|encoder|decoder|unet|vae)\w*\s*\(|\bcupy\b|\bcp\.|\bcudf\b|\bcuml\b|\bcugraph\b|\bdevice\b/i;
/** Host reads that wait for the GPU. */
const HOST_READ = /\.(item|cpu|numpy|tolist)\(\)/;

interface Clock {
  /** Local name → timer function, for `from time import perf_counter as pc` style names. */
  readonly functions: Map<string, string>;
  /** Local names bound to the `time` module. */
  readonly modules: string[];
  /** Local names bound to `timeit` (for `timeit.default_timer()`). */
  readonly timeit: string[];
}

export const gpuTimingWithoutSync = defineRule({
  code: "NVP002",
  name: "gpu-timing-without-sync",
  section: "5.1",
  severity: "warning",
  fix: "safe",
  summary: "Wall-clock timing of GPU work without `torch.cuda.synchronize()` before the end time",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!CLOCK_TEXT.test(source) || !usesGpu(notebook)) return;
    const clock = clockNames(notebook);
    const matcher = timerMatcher(clock);
    if (!matcher) return;
    const names = [...clock.functions.keys(), ...clock.modules, ...clock.timeit];
    const cells = new RegExp(`\\b(${names.map(escapeRegex).join("|")})\\b`);
    const timerCalls = findInCells(notebook, cells, matcher).filter((c) => callArguments(c).length === 0);
    if (timerCalls.length < 2) return;
    // Starts: `name = <timer>()`.
    const assigned = new Map<string, PyNode[]>();
    for (const call of timerCalls) {
      const parent = call.parent();
      if (parent?.kind() !== "assignment" || parent.field("right")?.id() !== call.id()) continue;
      const left = parent.field("left");
      if (left?.kind() !== "identifier") continue;
      const list = assigned.get(left.text()) ?? [];
      list.push(call);
      assigned.set(left.text(), list);
    }
    if (assigned.size === 0) return;
    const starts = [...assigned.keys()].map(escapeRegex).join("|");
    const subtractions = findInCells(notebook, new RegExp(`-\\s*(${starts})\\b`), {
      rule: { kind: "binary_operator", has: { field: "right", kind: "identifier", regex: `^(${starts})$` }, all: [{ has: { field: "operator", regex: "^-$" } }] },
    } as Matcher);
    const seen = new Set<number>();
    const torchAliases = moduleAliases(notebook, "torch");
    for (const subtraction of subtractions) {
      const interval = intervalOf(subtraction, assigned, timerCalls);
      if (!interval || seen.has(interval.end.id())) continue;
      seen.add(interval.end.id());
      if (!measuresGpuWork(notebook, interval, torchAliases)) continue;
      if (isSynchronized(source, interval)) continue;
      report(context, clock, interval, assigned);
    }
  },
});

function clockNames(notebook: Notebook): Clock {
  const functions = new Map<string, string>();
  for (const i of importsOf(notebook)) {
    if (i.module === "time" && i.attribute !== undefined && i.attribute in TIMERS) functions.set(i.local, i.attribute);
    if (i.module === "timeit" && i.attribute === "default_timer") functions.set(i.local, "default_timer");
  }
  return { functions, modules: moduleAliases(notebook, "time"), timeit: moduleAliases(notebook, "timeit") };
}

function timerMatcher(clock: Clock): Matcher | undefined {
  const alternatives: object[] = [];
  if (clock.functions.size > 0) alternatives.push({ kind: "identifier", regex: `^(${[...clock.functions.keys()].map(escapeRegex).join("|")})$` });
  if (clock.modules.length > 0) {
    alternatives.push({ kind: "attribute", regex: `^(${clock.modules.map(escapeRegex).join("|")})\\.(${Object.keys(TIMERS).join("|")})$` });
  }
  if (clock.timeit.length > 0) alternatives.push({ kind: "attribute", regex: `^(${clock.timeit.map(escapeRegex).join("|")})\\.default_timer$` });
  if (alternatives.length === 0) return undefined;
  return { rule: { kind: "call", has: { field: "function", any: alternatives } } } as Matcher;
}

interface Interval {
  readonly scope: PyNode;
  /** The start variable and the `start = <timer>()` call before the end read. */
  readonly startName: string;
  readonly start: PyNode;
  /** The call that reads the end time (`time.time()` in `time.time() - start`, or in `end = time.time()`). */
  readonly end: PyNode;
  /** The end variable, for `end = time.time()` ... `end - start`. */
  readonly endName: string | undefined;
  readonly subtraction: PyNode;
}

/** The function (or cell) whose body holds a node; intervals never cross it. */
function scopeOf(node: PyNode): PyNode | undefined {
  for (const a of node.ancestors()) {
    const kind = a.kind();
    if (kind === "function_definition" || kind === "lambda" || kind === "class_definition") return a;
    if (kind === "with_statement" && a.parent()?.kind() === "module") return a; // the setup cell
  }
  return undefined;
}

function intervalOf(subtraction: PyNode, assigned: ReadonlyMap<string, PyNode[]>, timerCalls: readonly PyNode[]): Interval | undefined {
  const scope = scopeOf(subtraction);
  if (!scope) return undefined;
  const left = subtraction.field("left");
  const startName = subtraction.field("right")!.text();
  if (!left) return undefined;
  let end: PyNode | undefined;
  let endName: string | undefined;
  if (left.kind() === "call" && timerCalls.some((c) => c.id() === left.id())) end = left;
  else if (left.kind() === "identifier" && assigned.has(left.text())) {
    endName = left.text();
    end = latestBefore(assigned.get(endName)!, scope, startOf(subtraction));
  }
  if (!end) return undefined;
  const start = latestBefore(assigned.get(startName) ?? [], scope, startOf(end));
  if (!start) return undefined;
  return { scope, startName, start, end, endName, subtraction };
}

/** The last of `calls` in `scope` (not in a nested function) that starts before `offset`. */
function latestBefore(calls: readonly PyNode[], scope: PyNode, offset: number): PyNode | undefined {
  let best: PyNode | undefined;
  for (const call of calls) {
    if (startOf(call) >= offset || scopeOf(call)?.id() !== scope.id()) continue;
    if (!best || startOf(call) > startOf(best)) best = call;
  }
  return best;
}

/** Whether the code between the two clock reads does GPU work (directly or through a notebook function). */
function measuresGpuWork(notebook: Notebook, interval: Interval, torchAliases: readonly string[]): boolean {
  const from = endOf(interval.start);
  const to = startOf(interval.end);
  const text = notebook.source.slice(from, to).replace(/#[^\n]*/g, "");
  // Any PyTorch call counts, in a notebook that uses a GPU.
  const torchCall = torchAliases.length > 0 ? new RegExp(`(?<![\\w.])(${torchAliases.map(escapeRegex).join("|")})\\.\\w+`) : undefined;
  const gpu = (code: string) => GPU_WORK.test(code) || (torchCall?.test(code) ?? false);
  if (gpu(text)) return true;
  // Operations on tensors the scope put on the GPU before the clock started (`c = a @ b`).
  const words = [...new Set(text.match(/[A-Za-z_]\w*/g) ?? [])].slice(0, 200);
  if (words.length > 0) {
    const inputs = interval.scope.findAll({
      rule: { kind: "assignment", has: { field: "left", regex: `^(${words.map(escapeRegex).join("|")})$` } },
    } as Matcher);
    if (inputs.some((a) => startOf(a) < from && gpu(a.field("right")?.text() ?? ""))) return true;
  }
  const called = interval.scope
    .findAll({ rule: { kind: "call", has: { field: "function", kind: "identifier" } } })
    .filter((c) => startOf(c) >= from && endOf(c) <= to)
    .map((c) => c.field("function")!.text());
  if (called.length === 0) return false;
  const definitions = notebook.root.root().findAll({
    rule: { kind: "function_definition", has: { field: "name", regex: `^(${[...new Set(called)].map(escapeRegex).join("|")})$` } },
  } as Matcher);
  return definitions.some((d) => gpu(d.field("body")?.text() ?? ""));
}

/** A `synchronize()` call between the reads, or a host read right before the end read. */
function isSynchronized(source: string, interval: Interval): boolean {
  const from = endOf(interval.start);
  const to = startOf(interval.end);
  const syncs = interval.scope.findAll({ rule: { kind: "call", has: { field: "function", regex: "synchronize$" } } });
  if (syncs.some((s) => startOf(s) >= from && endOf(s) <= to)) return true;
  const statement = statementOf(interval.end);
  let previous = statement?.prev();
  while (previous?.kind() === "comment") previous = previous.prev();
  const last = previous && startOf(previous) >= from ? lastSimpleStatement(previous) : undefined;
  if (last && HOST_READ.test(last.text())) return true;
  // `elapsed = time.time() - start` right after `print(loss.item())` on the same statement line
  return HOST_READ.test(source.slice(statement ? startOf(statement) : to, to));
}

function report(context: RuleContext, clock: Clock, interval: Interval, assigned: ReadonlyMap<string, PyNode[]>): void {
  const { notebook } = context;
  const shown = interval.endName ? `\`${interval.endName} - ${interval.startName}\`` : `\`${oneLine(interval.subtraction.text())}\``;
  const sync = syncCall(context, interval);
  const named = sync?.call ?? (moduleAliases(notebook, "torch").length === 0 ? "cupy.cuda.Device().synchronize()" : "torch.cuda.synchronize()");
  const message = `${shown} times GPU work without \`${named}\`: CUDA kernels run asynchronously, so the clock stops before the GPU has finished; synchronize before reading the end time`;
  if (!sync) {
    context.report({ node: interval.end, message: `${message} (no \`import torch\` or \`import cupy\` visible here: not fixed)` });
    return;
  }
  const statement = statementOf(interval.end);
  const cell = context.cellAt(startOf(interval.end));
  if (!statement || !cell || !ownsLines(notebook.source, statement) || !SIMPLE.has(String(statement.kind()))) {
    context.report({ node: interval.end, message: `${message} (the end time is read inside a compound statement or a shared line: not fixed)` });
    return;
  }
  const unit = indentUnit(cell);
  const comment = "  # wait for the queued GPU kernels before reading the clock";
  const code = sync.guard ? `if ${sync.guard}:\n${unit}${sync.call}${comment}` : `${sync.call}${comment}`;
  const edits: TextEdit[] = [insertLinesBefore(notebook, statement, code)];
  const conversion = perfCounterEdits(context, cell, clock, interval, assigned);
  if (conversion) edits.push(...conversion);
  context.report({
    node: interval.end,
    message,
    fix: {
      description: `Insert \`${sync.call}\` before the end time${conversion ? " and time with `time.perf_counter()`" : ""}`,
      edits,
    },
  });
}

interface SyncCall {
  readonly call: string;
  /** A condition to run it under, for notebooks that fall back to the CPU. */
  readonly guard: string | undefined;
}

/** The statement that runs last in `statement`: itself, or the last one of a loop's or `with`'s body. */
function lastSimpleStatement(statement: PyNode): PyNode | undefined {
  let current: PyNode | undefined = statement;
  for (let depth = 0; current && depth < 8; depth++) {
    const kind = String(current.kind());
    if (kind !== "for_statement" && kind !== "while_statement" && kind !== "with_statement") return kind.endsWith("_statement") && kind !== "if_statement" && kind !== "try_statement" ? current : undefined;
    const body: PyNode | null = current.field("body");
    current = body?.namedChildren().filter((c: PyNode) => c.kind() !== "comment").at(-1);
  }
  return undefined;
}

/** `torch.cuda.synchronize()`, or CuPy's device synchronisation for an interval that times CuPy code. */
function syncCall(context: RuleContext, interval: Interval): SyncCall | undefined {
  const { notebook } = context;
  const cupy = visibleAlias(context, interval.end, moduleAliases(notebook, "cupy"));
  const torch = visibleAlias(context, interval.end, moduleAliases(notebook, "torch"));
  if (cupy) {
    const uses = (alias: string | undefined, text: string) => alias !== undefined && new RegExp(`(?<![\\w.])${escapeRegex(alias)}\\.`).test(text);
    const between = notebook.source.slice(endOf(interval.start), startOf(interval.end));
    const before = notebook.source.slice(startOf(interval.scope), startOf(interval.end));
    if (uses(cupy, between) || (uses(cupy, before) && !uses(torch, before))) return { call: `${cupy}.cuda.Device().synchronize()`, guard: undefined };
  }
  if (torch) {
    // A notebook that can run without a GPU gets a guarded call (it raises without CUDA).
    const guarded = /\.is_available\s*\(|\.device_count\s*\(|["']cpu["']|["']mps["']/.test(notebook.source);
    return { call: `${torch}.cuda.synchronize()`, guard: guarded ? `${torch}.cuda.is_available()` : undefined };
  }
  return cupy ? { call: `${cupy}.cuda.Device().synchronize()`, guard: undefined } : undefined;
}

const SIMPLE = new Set(["expression_statement", "return_statement", "print_statement", "assert_statement", "delete_statement"]);

/**
 * `time.time()` → `time.perf_counter()` for every read of the interval's variables, when they
 * serve only as start and end of `end - start` measurements in this scope.
 */
function perfCounterEdits(context: RuleContext, cell: Cell, clock: Clock, interval: Interval, assigned: ReadonlyMap<string, PyNode[]>): TextEdit[] | undefined {
  const { notebook } = context;
  const kindOf = (call: PyNode) => timerOf(clock, call);
  const kind = kindOf(interval.end);
  if (!kind || TIMERS[kind] === undefined || kindOf(interval.start) !== kind) return undefined;
  const variables = [interval.startName, ...(interval.endName ? [interval.endName] : [])];
  // A public name that another cell reads serves more than this measurement.
  if (cell.kind === "cell" && variables.some((v) => !v.startsWith("_") && (context.dataflow().definers.get(v) ?? []).length > 0 && readByOtherCell(context, cell, v))) return undefined;
  const reads: PyNode[] = [];
  const occurrences = interval.scope.findAll({ rule: { kind: "identifier", regex: `^(${variables.map(escapeRegex).join("|")})$` } });
  for (const id of occurrences) {
    if (scopeOf(id)?.id() !== interval.scope.id()) return undefined;
    if (cell.returnStatement && startOf(cell.returnStatement) <= startOf(id) && endOf(id) <= endOf(cell.returnStatement)) continue;
    const parent = id.parent();
    if (parent?.kind() === "assignment" && parent.field("left")?.id() === id.id()) {
      const value = parent.field("right");
      if (!value || !(assigned.get(id.text()) ?? []).some((c) => c.id() === value.id()) || kindOf(value) !== kind) return undefined;
      reads.push(value);
      continue;
    }
    if (parent?.kind() === "binary_operator" && parent.field("operator")?.text() === "-") {
      const left = parent.field("left");
      const right = parent.field("right");
      if (right?.id() === id.id() && right.text() === interval.startName && left) {
        if (left.kind() === "call") {
          if (kindOf(left) !== kind) return undefined;
          reads.push(left);
          continue;
        }
        if (left.kind() === "identifier" && variables.includes(left.text())) continue;
        return undefined;
      }
      if (left?.id() === id.id() && interval.endName === id.text() && right?.text() === interval.startName) continue;
    }
    return undefined;
  }
  const unique = new Map(reads.map((r) => [r.id(), r]));
  const replacement = perfCounterCallee(context, clock, interval.end, kind, new Set(unique.keys()));
  if (!replacement) return undefined;
  const edits: TextEdit[] = [...unique.values()].map((read) => replaceNode(read.field("function")!, replacement.callee));
  if (replacement.importEdit) edits.push(replacement.importEdit);
  return edits;
}

function readByOtherCell(context: RuleContext, cell: Cell, name: string): boolean {
  const flow = context.dataflow();
  for (const [index, vars] of flow.variables) if (index !== cell.index && vars.refs.has(name)) return true;
  return false;
}

/** The timer function a call reads (`time`, `perf_counter`, `default_timer`, ...). */
function timerOf(clock: Clock, call: PyNode): string | undefined {
  const fn = call.field("function");
  if (!fn) return undefined;
  if (fn.kind() === "identifier") return clock.functions.get(fn.text());
  const name = fn.field("attribute")?.text();
  return name && (name in TIMERS || name === "default_timer") ? name : undefined;
}

interface Callee {
  readonly callee: string;
  readonly importEdit: TextEdit | undefined;
}

/** How to call `time.perf_counter` (or `perf_counter_ns`) at `node`, adding it to a `from time import` if needed. */
function perfCounterCallee(context: RuleContext, clock: Clock, node: PyNode, kind: string, converted: ReadonlySet<number>): Callee | undefined {
  const target = TIMERS[kind]!;
  const fn = node.field("function")!;
  if (fn.kind() === "attribute") return { callee: `${fn.field("object")!.text()}.${target}`, importEdit: undefined };
  // `from time import time`: the cell already depends on the cell of that import, so names it
  // (or the setup cell) defines can be read without a new dependency.
  const flow = context.dataflow();
  const here = context.cellAt(startOf(node));
  if (!here) return undefined;
  const vars = flow.variables.get(here.index);
  const timeDefiners = flow.definers.get(fn.text()) ?? [];
  const imports = importsOf(context.notebook);
  const readable = (name: string) => {
    if (flow.setupNames.has(name) || vars?.refs.has(name) || vars?.defs.has(name)) return true;
    // A private name imported by this very cell.
    if (imports.some((i) => i.local === name && context.cellAt(startOf(i.node))?.index === here.index && startOf(i.node) < startOf(node))) return true;
    const definers = flow.definers.get(name) ?? [];
    return here.kind === "cell" && definers.length === 1 && timeDefiners.length === 1 && definers[0] === timeDefiners[0];
  };
  const imported = [...clock.functions].filter(([, f]) => f === target).map(([local]) => local);
  const local = imported.find(readable);
  if (local) return { callee: local, importEdit: undefined };
  const module = clock.modules.find(readable);
  if (module) return { callee: `${module}.${target}`, importEdit: undefined };
  if (flow.setupNames.has(target) || flow.definers.has(target) || flow.topLevelNames.has(target) || clock.functions.has(target)) return undefined;
  // Extend the import that binds the name this code calls, when it is a top-level import of
  // the setup cell, of this cell, or of the one cell this cell reads it from.
  const binding = imports.find((i) => i.module === "time" && i.local === fn.text() && i.attribute !== undefined);
  if (!binding || /[()\\]/.test(binding.node.text())) return undefined; // parenthesised or continued imports: leave alone
  // Only the notebook's first `from time import time`, so that two fixes of one pass never
  // define the new name in two cells (the second one reuses it in the next pass).
  const first = imports.find((i) => i.module === "time" && i.attribute !== undefined && TIMERS[i.attribute] === target);
  if (first?.node.id() !== binding.node.id()) return undefined;
  const owner = context.cellAt(startOf(binding.node));
  if (!owner || !owner.statements.some((st) => st.id() === binding.node.id())) return undefined;
  const ok = owner.kind === "setup" || owner.index === here.index || (here.kind === "cell" && timeDefiners.length === 1 && timeDefiners[0] === owner.index);
  if (!ok) return undefined;
  // `from time import time` whose every use is converted here: import `perf_counter` instead.
  const name = binding.node.findAll({ rule: { kind: "dotted_name", regex: `^${escapeRegex(fn.text())}$` } }).filter((n) => n.parent()?.id() === binding.node.id() && n.id() !== binding.node.field("module_name")?.id());
  if (binding.attribute === binding.local && name.length === 1 && onlyConvertedUses(context.notebook, binding.local, converted)) {
    return { callee: target, importEdit: replaceNode(name[0]!, target) };
  }
  return { callee: target, importEdit: replaceRange(endOf(binding.node), endOf(binding.node), `, ${target}`) };
}

/** Whether every read of `local` in the notebook is the callee of one of the `converted` calls. */
function onlyConvertedUses(notebook: Notebook, local: string, converted: ReadonlySet<number>): boolean {
  const returns = notebook.cells.flatMap((c) => (c.returnStatement ? [c.returnStatement] : []));
  for (const id of notebook.root.root().findAll({ rule: { kind: "identifier", regex: `^${escapeRegex(local)}$` } })) {
    const parent = id.parent();
    const kind = parent?.kind();
    if (kind === "dotted_name" || kind === "aliased_import" || kind === "parameters") continue;
    if (kind === "attribute" && parent!.field("attribute")?.id() === id.id()) continue;
    if (kind === "keyword_argument" && parent!.field("name")?.id() === id.id()) continue;
    if (returns.some((r) => startOf(r) <= startOf(id) && endOf(id) <= endOf(r))) continue;
    if (kind === "call" && parent!.field("function")?.id() === id.id() && converted.has(parent!.id())) continue;
    return false;
  }
  return true;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
