import { insertCell, replaceRange } from "../engine/edits.js";
import { defineRule, type Edit, type RuleContext, type TextEdit } from "../engine/types.js";
import { isSuppressed, parseSuppressions, type Suppressions } from "../engine/suppressions.js";
import { PYTHON_BUILTINS } from "../notebook/builtins.js";
import { findAllContaining, type Cell, type Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { isPrivateName } from "../notebook/scope.js";
import { importsOf } from "./lib/imports.js";
import { lazyFix } from "./lib/lazy-fix.js";
import { argumentRemoval, mergeTouchingEdits, rewrittenText, type Replacement } from "./lib/on-change-callback-edits.js";
import { escapeRegex } from "./lib/regex.js";
import { stateLoopOf } from "./lib/state-loops.js";

const docs = `
## What it does
Finds \`on_change=\` callbacks passed to marimo UI elements (\`mo.ui.slider(..., on_change=f)\`,
\`.form(on_change=f)\`, under any alias of marimo, including \`mo\` imported in the setup cell).

## Why is this bad?
marimo is reactive: a cell that reads \`element.value\` re-runs by itself whenever the element
changes. A callback hides that dependency from marimo's graph, so the notebook no longer
reads top to bottom, the callback's effects are not re-run with the cells that depend on them,
and marimo only calls it for elements bound to a global name (guide, section 4.1 "Reactive
Execution": use reactive execution, not callbacks; marimo's own documentation keeps
\`on_change\` as a last resort).

## Example
\`\`\`python
@app.cell
def _(mo):
    def log_lr(value):
        print(f"learning rate: {value}")

    lr_slider = mo.ui.slider(0.0001, 0.01, value=0.001, on_change=log_lr)
    lr_slider
    return
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(mo):
    def log_lr(value):
        print(f"learning rate: {value}")

    lr_slider = mo.ui.slider(0.0001, 0.01, value=0.001)
    lr_slider
    return log_lr, lr_slider


@app.cell
def _(log_lr, lr_slider):
    # Runs whenever lr_slider changes (replaces on_change=log_lr)
    log_lr(lr_slider.value)
    return
\`\`\`

## Fix
Removes the \`on_change=\` argument (with its comma, or its whole line in a call written one
argument per line) and adds a cell right after the element's cell that reads
\`element.value\`, so marimo re-runs it on every change:
- a named handler, a method (\`model.update\`) or a \`mo.state\` setter (\`set_count\`) is
  called: \`handler(element.value)\` (\`await handler(...)\` for an \`async def\` handler);
- a lambda's body is inlined with its parameter replaced by \`element.value\`
  (\`lambda v: print(f"lr={v}")\` gives \`print(f"lr={lr_slider.value}")\`); simple default
  arguments (literals, names) are substituted too; a tuple body (\`lambda v: (a(v), b(v))\`)
  becomes one statement per item; a lambda whose parameter is unused (\`lambda _: refresh()\`)
  gets \`_ = element.value\` first, so the cell still depends on the element; a lambda that
  cannot be inlined (\`*args\`, computed defaults, a walrus, a rebound parameter) is called as
  written: \`(lambda *a: ...)(element.value)\`;
- \`lambda v: None\` is a no-op: the argument is simply removed.

Each new cell starts with a comment \`# Runs whenever <element> changes (replaces
on_change=...)\`. Several elements with callbacks in one cell get one new cell each, in
source order, all in one fix. A handler (or a name a lambda reads) that is private to the
element's cell (\`_log\`, \`_history\`) cannot be read by another cell, so it is renamed to a
fresh public name (\`log\`, \`history\`) throughout its cell; a private name the cell does not
define is reported without a fix.

A callback on a button (\`mo.ui.button\`, \`mo.ui.run_button\`) is reported without a fix: it
runs on a click only, and a cell reading \`.value\` would also run when the notebook opens (a
wizard's "next" would fire by itself). Use \`mo.ui.run_button()\` and start the cell that does
the work with \`mo.stop(not button.value)\`.

\`on_change=None\` is marimo's default and registers nothing: it is not reported. An element
that is not bound to a public global name (created inline in \`mo.vstack([...])\`, wrapped by
\`.form()\`, bound to a private \`_name\`, created inside a function or a comprehension, or in
the setup cell) is reported without a fix: bind it to a global name in a regular cell first
(see NVR002).

A callback is also reported without a fix when the handler calls a \`mo.state\` setter (itself,
in a lambda, or in a notebook function it names) whose getter the element's cell, or a cell the
new cell depends on, reads: \`mo.ui.slider(value=get_x(), on_change=set_x)\` is marimo's
two-way binding. A callback runs in the element's cell, which marimo does not re-run for its
own setter call; a new cell calling \`set_x\` would re-run the element's cell, get a new
element, and so run again, without end.

## Fix safety
Unsafe: the new cell also runs once for the element's initial value when the notebook starts
(and whenever the handler's own inputs change), whereas \`on_change\` only ran on user
changes. A handler with side effects (a \`mo.state\` setter, logging, a model update) now
runs one extra time at startup, and a handler that returns a value now shows it as the new
cell's output.
`;

// A pattern rather than `regex: "^on_change$"`: the native matcher compiles a regex on every
// query, which costs more than searching the cell.
const ON_CHANGE: Matcher = {
  rule: { kind: "keyword_argument", has: { field: "name", pattern: "on_change" } },
};

/** Identifiers that name a variable: not keyword-argument names, not attribute fields. */
const NAME_USE: Matcher = {
  rule: {
    kind: "identifier",
    not: {
      any: [
        { inside: { kind: "keyword_argument", field: "name" } },
        { inside: { kind: "attribute", field: "attribute" } },
      ],
    },
  },
};

/** Nodes that bind names inside an expression: nested lambdas, comprehensions, walrus. */
const BINDERS: Matcher = {
  rule: { any: [{ kind: "lambda" }, { kind: "for_in_clause" }, { kind: "named_expression" }] },
};

/** Marks the cells this rule adds, so a later run puts the next one after them, in order. */
const MARKER = /^# Runs whenever (\S+) changes \(replaces on_change=/;

const SCOPE_KINDS: Record<string, string> = {
  function_definition: "inside a function",
  lambda: "inside a lambda",
  class_definition: "inside a class",
  list_comprehension: "inside a comprehension",
  set_comprehension: "inside a comprehension",
  dictionary_comprehension: "inside a comprehension",
  generator_expression: "inside a generator expression",
};

const PYTHON_KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
  "yield", "match", "case", "type",
]);

export const onChangeCallback = defineRule({
  code: "NVR001",
  name: "on-change-callback",
  section: "4.1",
  severity: "warning",
  fix: "unsafe",
  summary: "`on_change=` callback on a `mo.ui` element instead of a reactive cell reading `.value`",
  docs,
  check(context) {
    const { notebook } = context;
    if (!notebook.source.includes("on_change")) return;
    const ui = uiCallees(notebook);
    const groups = new Map<number, { cell: Cell; items: Item[] }>();
    for (const argument of findAllContaining(notebook, "on_change", ON_CHANGE)) {
      const call = argument.parent()?.parent();
      if (!call || call.kind() !== "call") continue;
      const callee = call.field("function")?.text().replace(/\s+/g, "") ?? "";
      if (!ui(callee)) continue;
      const handler = argument.field("value");
      if (!handler || handler.kind() === "none") continue;
      const item = examine(context, argument, call, callee, handler);
      if (!item) continue;
      const group = groups.get(item.cell.index);
      if (group) group.items.push(item);
      else groups.set(item.cell.index, { cell: item.cell, items: [item] });
    }
    if (groups.size === 0) return;
    const suppressions = parseSuppressions(notebook);
    for (const { cell, items } of groups.values()) fixCell(context, cell, items, suppressions);
  },
});

/** Whether a callee (whitespace removed) is a marimo UI constructor or a method on one. */
function uiCallees(notebook: Notebook): (callee: string) => boolean {
  const prefixes: string[] = [];
  const exact = new Set<string>();
  for (const i of importsOf(notebook)) {
    if (i.module === "marimo" && i.attribute === undefined) prefixes.push(`${i.local}.ui.`);
    else if (i.module === "marimo" && i.attribute === "ui") prefixes.push(`${i.local}.`);
    else if (i.module === "marimo.ui" && i.attribute === undefined) prefixes.push(`${i.local}.`);
    else if (i.module === "marimo.ui" && i.attribute !== undefined) {
      exact.add(i.local);
      prefixes.push(`${i.local}.`, `${i.local}(`);
    }
  }
  return (callee) => exact.has(callee) || prefixes.some((p) => callee.startsWith(p));
}

interface Binding {
  readonly name?: string;
  /** The assignment or walrus that binds the element. */
  readonly binder?: PyNode;
  readonly reason?: string;
  /** For an element wrapped by `.form()` and the like: the name the wrapper is bound to. */
  readonly wrapper?: string;
}

/** How the element is bound: `name = mo.ui.x(...)` (or a walrus), or why it is not. */
function bindingOf(call: PyNode): Binding {
  let node = call;
  let parent = call.parent();
  while (parent?.kind() === "parenthesized_expression") {
    node = parent;
    parent = parent.parent();
  }
  const element = node.range();
  const isField = (owner: PyNode, field: string) => {
    const f = owner.field(field)?.range();
    return f !== undefined && f.start.index === element.start.index && f.end.index === element.end.index;
  };
  const parentKind = parent?.kind();
  if (parent && parentKind === "assignment" && isField(parent, "right")) {
    const left = parent.field("left");
    if (left?.kind() === "identifier") return { name: left.text(), binder: parent };
    return { reason: "it is unpacked into several names" };
  }
  if (parent && parentKind === "named_expression" && isField(parent, "value")) {
    const name = parent.field("name");
    if (name) return { name: name.text(), binder: parent };
  }
  if (parent && parentKind === "attribute") {
    const method = parent.field("attribute")?.text();
    const outer = parent.parent();
    const wrapper = outer?.kind() === "call" ? bindingOf(outer).name : undefined;
    return { reason: `it is wrapped by \`.${method}(...)\`, which is the element marimo tracks`, wrapper };
  }
  let container: string | undefined;
  for (const ancestor of call.ancestors()) {
    const kind = String(ancestor.kind());
    if (kind === "call") {
      const callee = compact(ancestor.field("function")?.text() ?? "");
      return { reason: `it is created inline in \`${callee}(...)\`` };
    }
    if (["list", "dictionary", "tuple", "set"].includes(kind)) container ??= kind === "dictionary" ? "dict" : kind;
    if (kind.endsWith("statement") || kind === "assignment" || kind === "block" || kind === "module") break;
  }
  if (container) return { reason: `it is created inside a ${container}` };
  return { reason: "it is not bound to a name" };
}

/** Why an element created here is not a global of its cell, if it is not. */
function scopeProblem(node: PyNode, cell: Cell): string | undefined {
  const body = cell.body;
  if (!body) return "its cell has no body";
  const bodyRange = body.range();
  const isBody = (ancestor: PyNode) => {
    const range = ancestor.range();
    return range.start.index === bodyRange.start.index && range.end.index === bodyRange.end.index;
  };
  // The walk ends at the first ancestor that spans the whole body (the body, or a statement that
  // is all of it). Testing ranges only on blocks and scopes gives the same answer: every ancestor
  // from such a statement up to the body spans the body too, and the body is a block.
  for (const ancestor of node.ancestors()) {
    const kind = ancestor.kind();
    const scope = SCOPE_KINDS[kind];
    if (!scope) {
      if (kind === "block" && isBody(ancestor)) return undefined;
      continue;
    }
    if (isBody(ancestor)) return undefined;
    const owner = kind === "function_definition" || kind === "class_definition" ? ancestor.field("name")?.text() : undefined;
    return `it is created ${scope}${owner ? ` (\`${owner}\`)` : ""}`;
  }
  return undefined;
}

/** `mo.ui.button`, `mo.ui.run_button` (any alias): elements whose callback means "on click". */
const BUTTON = /(?:^|\.)(?:run_)?button$/;

function compact(text: string): string {
  const one = text.replace(/\s+/g, "");
  return one.length <= 40 ? one : `${one.slice(0, 37)}...`;
}

/** A callback on an element bound to a public global of a regular cell: a candidate for the fix. */
interface Item {
  readonly argument: PyNode;
  readonly handler: PyNode;
  readonly name: string;
  readonly cell: Cell;
}

/** Reports a callback that cannot be fixed; returns the others. */
function examine(context: RuleContext, argument: PyNode, call: PyNode, callee: string, handler: PyNode): Item | undefined {
  const kind = /^[\w.]+/.exec(callee)?.[0] ?? "mo.ui";
  const cell = context.cellAt(startOf(argument));
  const binding = bindingOf(call);
  let reason =
    cell?.kind === "cell"
      ? scopeProblem(call, cell)
      : cell?.kind === "function" || cell?.kind === "class"
        ? `it is created inside the ${cell.kind} \`${cell.name}\``
        : undefined;
  reason ??= binding.reason;
  if (!reason && cell?.kind === "setup") reason = "it is created in the setup cell, whose names never trigger a re-run";
  else if (!reason && cell?.kind !== "cell") reason = "it is not created in a regular cell";
  if (!reason && binding.name && isPrivateName(binding.name)) {
    reason = `it is bound to \`${binding.name}\`, a private name no other cell can read`;
  }
  const name = binding.name;
  if (!reason && BUTTON.test(kind)) {
    // A button's callback runs on a click only; a cell reading `.value` would also run when the
    // notebook opens (a wizard would skip its steps, a confirmation would fire by itself).
    context.report({
      node: argument,
      message:
        `\`on_change=\` callback on a \`${kind}\`: it runs on a click, but a cell reading \`.value\` would also run when the notebook opens: ` +
        `use \`${kind.replace(/(?:run_)?button$/, "run_button")}()\` and start the cell that does the work with \`mo.stop(not ${name ?? "button"}.value)\` (not fixed)`,
    });
    return undefined;
  }
  if (reason || !name || !cell) {
    const suggestion = name && isPrivateName(name) ? name.replace(/^_+/, "") || "element" : kind.split(".").at(-1)!;
    const wrapper = binding.wrapper && !isPrivateName(binding.wrapper) ? binding.wrapper : undefined;
    const remedy = wrapper
      ? `remove the callback and read \`${wrapper}.value\` in another cell instead`
      : `bind it to a public global name (\`${suggestion} = ${kind}(...)\`), then read \`${suggestion}.value\` ` +
        "in another cell instead of using a callback";
    context.report({
      node: argument,
      message: `\`on_change=\` callback on a \`${kind}\` element, but ${reason ?? "it is not bound to a name"}: ${remedy} (not fixed)`,
    });
    return undefined;
  }
  return { argument, handler, name, cell };
}

function messageFor(name: string): string {
  return (
    `\`${name}\` uses an \`on_change=\` callback; use reactive execution instead: ` +
    `read \`${name}.value\` in a cell of its own, which marimo re-runs on every change`
  );
}

/**
 * One fix for all the callbacks of a cell: the fix loop applies one cell insertion per anchor
 * and pass, so fixing them together keeps the new cells in source order in a single pass.
 *
 * What decides the diagnostics (which items are fixable, the fresh names, the description) is
 * computed here; the edits are computed only when the fix loop reads them (see `lazyFix`).
 */
function fixCell(context: RuleContext, cell: Cell, items: readonly Item[], suppressions: Suppressions): void {
  const { notebook } = context;
  const source = notebook.source;
  // Every name use of the cell; read only when a handler needs a private name of the cell.
  let uses: PyNode[] | undefined;
  const cellUses = () => (uses ??= cell.body ? cell.body.findAll(NAME_USE) : []);
  // Names private to the element's cell that a handler needs must become public.
  const renames = new Map<string, string>();
  const ready: Item[] = [];
  for (const item of items) {
    const { argument, handler, name } = item;
    const outside = (n: PyNode) => startOf(n) < startOf(argument) || startOf(n) >= endOf(argument);
    // A private name starts with `_`: a handler without one in its text reads none.
    const frees = handler.text().includes("_") ? privateFreeNames(handler) : [];
    const missing = frees.find((free) => !cellUses().some((n) => n.text() === free && outside(n)));
    if (missing) {
      context.report({
        node: argument,
        message: `${messageFor(name)} (not fixed: the handler reads \`${missing}\`, which is not defined in this cell)`,
      });
      continue;
    }
    if (isSuppressed(suppressions, notebook, "NVR001", startOf(argument), cell)) continue;
    const loop = stateLoopOf(notebook, context.dataflow(), cell, handler);
    if (loop) {
      const where = loop.reader === cell ? "its cell reads" : `the cell at line ${notebook.lineOf(loop.reader.start)}, which the new cell would depend on, reads`;
      context.report({
        node: argument,
        message:
          `${messageFor(name)} (not fixed: the handler calls \`${loop.setter}\` and ${where} \`${loop.getter}\`, ` +
          `so a cell calling \`${loop.setter}\` on every change would re-run itself in an endless loop: ` +
          `keep the callback, or stop reading \`${loop.getter}\` there)`,
      });
      continue;
    }
    for (const free of frees) {
      if (renames.has(free)) continue;
      const fallback = handler.kind() === "identifier" ? `on_${name}_change` : undefined;
      renames.set(free, context.freshName(publicBase(free, fallback)));
    }
    ready.push(item);
  }
  if (ready.length === 0) return;

  const renameIn = (node: PyNode): Replacement[] =>
    node
      .findAll(NAME_USE)
      .filter((n) => renames.has(n.text()))
      .map((n) => ({ start: startOf(n), end: endOf(n), text: renames.get(n.text())! }));
  // The new cells' code, in item order; planned at most once per item.
  const plans = new Map<Item, CellPlan>();
  const planOf = (item: Item) => {
    let plan = plans.get(item);
    if (!plan) plans.set(item, (plan = planCell(notebook, item.handler, item.name, renameIn)));
    return plan;
  };

  const names = ready.map((item) => `\`${item.name}\``);
  const description = ready.every((item) => mayBeNoop(item.handler) && planOf(item).kind === "noop")
    ? `Remove the no-op \`on_change=\` from ${names.join(", ")}`
    : ready.length === 1
      ? `Remove \`on_change=\` from ${names[0]} and add a cell that reads \`${ready[0]!.name}.value\``
      : `Remove \`on_change=\` from ${names.join(", ")} and add one cell per element that reads its \`.value\``;

  const fix = lazyFix(description, () => {
    const removals = ready.map((item) => argumentRemoval(source, item.argument));
    const renameEdits: TextEdit[] = (renames.size === 0 ? [] : cellUses())
      .filter((n) => renames.has(n.text()) && removals.every((r) => startOf(n) >= r.end || endOf(n) <= r.start))
      .map((n) => replaceRange(startOf(n), endOf(n), renames.get(n.text())!));
    const edits: Edit[] = mergeTouchingEdits(source, [...removals, ...renameEdits]);

    const anchor = anchorCell(context, cell);
    for (const item of ready) {
      const plan = planOf(item);
      if (plan.kind === "noop") continue;
      let comment = `# Runs whenever ${item.name} changes (replaces on_change=${plan.summary})`;
      if (comment.length > 88 && plan.summary.startsWith("lambda")) {
        comment = `# Runs whenever ${item.name} changes (replaces on_change=lambda ...)`;
      }
      edits.push(insertCell(anchor, "after", [comment, ...plan.lines].join("\n")));
    }
    return edits;
  });
  for (const item of ready) context.report({ node: item.argument, message: messageFor(item.name), fix });
}

/**
 * Whether the handler may plan to a no-op: only a lambda whose body is `None` or `...` does,
 * so a handler whose text has neither certainly does not.
 */
function mayBeNoop(handler: PyNode): boolean {
  const text = handler.text();
  return text.includes("None") || text.includes("...");
}

/** The cell after which the new cell goes: the element's cell, or the cells this rule already added after it. */
function anchorCell(context: RuleContext, cell: Cell): Cell {
  const cells = context.notebook.cells;
  let anchor = cell;
  let defs: ReadonlySet<string> | undefined;
  for (let i = cell.index + 1; i < cells.length; i++) {
    const next = cells[i]!;
    // A leading comment is not part of the body block in tree-sitter: read the text.
    const firstLine = next.kind === "cell" ? /\S[^\r\n]*/.exec(context.notebook.source.slice(next.signatureEnd, next.end))?.[0] : undefined;
    const match = firstLine ? MARKER.exec(firstLine) : null;
    if (!match) break;
    defs ??= context.dataflow().variables.get(cell.index)?.defs ?? new Set();
    if (!defs.has(match[1]!)) break;
    anchor = next;
  }
  return anchor;
}

/** A public name for a private one: `_log` → `log`; keywords and builtins get a trailing `_`. */
function publicBase(name: string, fallback: string | undefined): string {
  const stripped = name.replace(/^_+/, "");
  if (stripped === "" || stripped === "on_change") return fallback ?? "handler";
  if (PYTHON_KEYWORDS.has(stripped) || PYTHON_BUILTINS.has(stripped)) return `${stripped}_`;
  return stripped;
}

/** Names bound inside an expression (lambda parameters, comprehension targets, walrus targets). */
function boundNames(node: PyNode): Set<string> {
  const names = new Set<string>();
  const binders = node.kind() === "lambda" ? [node, ...node.findAll(BINDERS)] : node.findAll(BINDERS);
  for (const binder of binders) {
    if (binder.kind() === "lambda") {
      for (const p of binder.field("parameters")?.namedChildren() ?? []) {
        const id = p.kind() === "identifier" ? p : p.kind() === "default_parameter" ? p.field("name") : p.namedChildren()[0];
        if (id?.kind() === "identifier") names.add(id.text());
      }
    } else if (binder.kind() === "for_in_clause") {
      const left = binder.field("left");
      if (left?.kind() === "identifier") names.add(left.text());
      else for (const id of left?.findAll({ rule: { kind: "identifier" } }) ?? []) names.add(id.text());
    } else {
      const id = binder.field("name");
      if (id) names.add(id.text());
    }
  }
  return names;
}

/** Private names the handler reads from its cell. */
function privateFreeNames(handler: PyNode): string[] {
  const bound = boundNames(handler);
  const uses = handler.kind() === "identifier" ? [handler] : handler.findAll(NAME_USE);
  const names: string[] = [];
  for (const use of uses) {
    const text = use.text();
    if (!isPrivateName(text) || bound.has(text) || names.includes(text)) continue;
    // A lambda parameter or default-parameter name is a binding, not a use.
    const parent = use.parent()?.kind();
    if (parent === "lambda_parameters" || parent === "default_parameter") continue;
    names.push(text);
  }
  return names;
}

type CellPlan = { kind: "noop" } | { kind: "cell"; summary: string; lines: string[] };

const PRIMARY = new Set(["identifier", "attribute", "call", "subscript", "parenthesized_expression"]);

/** The code of the new cell for this handler. */
function planCell(notebook: Notebook, handler: PyNode, element: string, renameIn: (node: PyNode) => Replacement[]): CellPlan {
  const source = notebook.source;
  const value = `${element}.value`;
  if (handler.kind() === "lambda") {
    const inlined = inlineLambda(source, handler, element, renameIn);
    if (inlined) return inlined;
    const params = (handler.field("parameters")?.text() ?? "").replace(/\s+/g, " ");
    return {
      kind: "cell",
      summary: params ? `lambda ${params}: ...` : "lambda: ...",
      lines: [`(${rewrittenText(source, handler, renameIn(handler))})(${value})`],
    };
  }
  const text = rewrittenText(source, handler, renameIn(handler));
  const callee = PRIMARY.has(String(handler.kind())) ? text : `(${text})`;
  const awaited = handler.kind() === "identifier" && isAsyncFunction(notebook, handler.text()) ? "await " : "";
  const short = !text.includes("\n") && text.length <= 40;
  return { kind: "cell", summary: short ? text : "...", lines: [`${awaited}${callee}(${value})`] };
}

function isAsyncFunction(notebook: Notebook, name: string): boolean {
  const escaped = escapeRegex(name);
  return notebook.root
    .root()
    .findAll({ rule: { kind: "function_definition", has: { field: "name", regex: `^${escaped}$` } } })
    .some((f) => f.children()[0]?.kind() === "async");
}

/** Defaults that can be written in place of the parameter: literals, names, dotted names. */
function isSimpleDefault(node: PyNode): boolean {
  switch (node.kind()) {
    case "integer":
    case "float":
    case "true":
    case "false":
    case "none":
    case "identifier":
      return true;
    case "string":
      return !node.findAll({ rule: { kind: "interpolation" } }).length;
    case "attribute":
      return /^[\w.\s]+$/.test(node.text());
    case "unary_operator":
      return ["integer", "float"].includes(String(node.namedChildren()[0]?.kind() ?? ""));
    default:
      return false;
  }
}

/** Whether a substituted unary expression (`-1`) needs parentheses at this identifier. */
function needsParens(use: PyNode): boolean {
  const parent = use.parent();
  if (!parent) return false;
  const kind = parent.kind();
  if (kind === "attribute" || kind === "subscript" || kind === "call") return true;
  if (kind === "binary_operator") {
    const op = parent.field("operator")?.text();
    const left = parent.field("left");
    return op === "**" && left !== null && startOf(left) === startOf(use);
  }
  return false;
}

function inlineLambda(source: string, lambda: PyNode, element: string, renameIn: (node: PyNode) => Replacement[]): CellPlan | undefined {
  let body = lambda.field("body");
  if (!body) return undefined;
  // `lambda v: (print(v))`: the parentheses only served the lambda.
  const inner = body.kind() === "parenthesized_expression" ? body.namedChildren().filter((c) => c.kind() !== "comment") : [];
  if (inner.length === 1 && !body.text().includes("\n")) body = inner[0]!;
  const parameters = lambda.field("parameters")?.namedChildren() ?? [];
  let first: string | undefined;
  const defaults = new Map<string, PyNode>();
  for (const [i, p] of parameters.entries()) {
    if (p.kind() === "keyword_separator" || p.kind() === "positional_separator") continue;
    if (p.kind() === "identifier" && i === 0) first = p.text();
    else if (p.kind() === "default_parameter") {
      const pname = p.field("name")?.text();
      const pvalue = p.field("value");
      if (!pname || !pvalue) return undefined;
      if (i === 0) first = pname;
      else if (isSimpleDefault(pvalue)) defaults.set(pname, pvalue);
      else return undefined;
    } else return undefined;
  }
  const params = [first, ...defaults.keys()].filter((n): n is string => n !== undefined);
  // A nested rebinding of a parameter, or a walrus (it would define a name in the new cell).
  const rebound = boundNames(body);
  if (params.some((n) => rebound.has(n))) return undefined;
  if (body.findAll({ rule: { kind: "named_expression" } }).length > 0 || body.kind() === "named_expression") return undefined;
  const paramsText = (lambda.field("parameters")?.text() ?? "").replace(/\s+/g, " ");
  const summary = paramsText ? `lambda ${paramsText}: ...` : "lambda: ...";

  // `lambda v: None` and `lambda v: ...` do nothing.
  if (body.kind() === "none" || body.kind() === "ellipsis") return { kind: "noop" };

  const uses = body.kind() === "identifier" ? [body] : body.findAll(NAME_USE);
  let readsElement = uses.some((u) => u.text() === element);
  const replacements: Replacement[] = [...renameIn(body)];
  for (const use of uses) {
    const text = use.text();
    if (text === first) {
      replacements.push({ start: startOf(use), end: endOf(use), text: `${element}.value` });
      readsElement = true;
    } else if (defaults.has(text)) {
      const node = defaults.get(text)!;
      let replacement = rewrittenText(source, node, renameIn(node));
      if (node.kind() === "unary_operator" && needsParens(use)) replacement = `(${replacement})`;
      replacements.push({ start: startOf(use), end: endOf(use), text: replacement });
    }
  }
  const rename = (n: PyNode) => rewrittenText(source, n, replacements.filter((r) => r.start >= startOf(n) && r.end <= endOf(n)));
  // `lambda v: (log(v), refresh())` does several things: one statement each.
  const lines =
    body.kind() === "tuple" && body.text().startsWith("(")
      ? body.namedChildren().filter((c) => c.kind() !== "comment").map(rename)
      : [rename(body)];
  if (!readsElement) lines.unshift(`_ = ${element}.value`);
  return { kind: "cell", summary, lines };
}
