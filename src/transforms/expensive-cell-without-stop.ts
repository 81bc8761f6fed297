import { insertCell, insertLinesAfter, replaceRange } from "../engine/edits.js";
import { isSuppressed, parseSuppressions, type Suppressions } from "../engine/suppressions.js";
import { defineRule, type Fix, type RuleContext, type TextEdit } from "../engine/types.js";
import { cellVariables, type Dataflow } from "../notebook/dataflow.js";
import { cellAt, type Cell, type Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { indentationAt, lineEndOf, lineStartOf, nextLineStart } from "../notebook/text.js";
import { allExpensiveWorkIn, type ExpensiveKind, type ExpensiveWork } from "./lib/expensive-work.js";
import { importsOf } from "./lib/imports.js";
import { workNames } from "./lib/work-names.js";

const docs = `
## What it does
Finds cells that do expensive work every time they run, without a \`mo.stop\` gate: training
loops (\`for epoch in ...\` whose body trains, loops calling \`.backward()\` or \`optimizer.step()\`,
\`trainer.train()\`), \`.fit(\` (not on scalers, encoders and other cheap preprocessing), model
downloads (\`from_pretrained(\`, \`hf_hub_download(\`, \`snapshot_download(\`, \`torch.hub.load(\`,
\`transformers.pipeline(\`, \`download=True\`), \`pip install\` through \`subprocess\` or
\`os.system\`, and generation loops (\`.generate(\` or a diffusion \`pipe(...)\` in a loop or a
comprehension, \`for step in range(num_inference_steps)\`). Calls to functions that do such work
(defined in the cell, in another cell or with \`@app.function\`) count too.

A cell is left alone when it already calls \`mo.stop\`, when the work sits inside
\`if form.value:\` for a \`mo.ui.form\` (a form only submits on a click), or inside an \`if\`
whose condition reads a button through a variable (\`run = regenerate.value or not cached\`,
then \`if run:\`, in the cell or in another cell: the author's own click logic), inside
\`if <button>.value:\` when every name the cells below read from the cell is set before the \`if\`
(\`results = None\`: they already handle the state before a click), when it is below a gate (next
paragraphs), when the work is only inside a function the cell never calls, and in
\`disabled=True\` cells.

While a cell is stopped, its definitions do not exist and marimo runs none of the cells that
depend on it: a button on an expensive cell below it (a cell that depends on it, directly or
through other cells) would only ask for a second click. So the rule reports none of the cells
below a gate, whether the notebook has the gate already or this rule adds it in the same run (a
cell it reports with a fix that no suppression comment turns off), in whatever order the cells
appear in the file: a second run on the output agrees with the first. The one click then
starts the gated cell and the expensive cells below it.

An existing gate counts only when it surely stops the cell until a click: a top-level statement
of the cell (not inside an \`if\`, a loop, a \`with\`, a \`try\` or a function)
\`mo.stop(<predicate>, ...)\` whose predicate holds as long as a \`mo.ui.run_button\` /
\`mo.ui.button\` has not been clicked or a form not submitted: \`not b.value\`,
\`b.value is None\`, \`b.value == 0\` (or \`== None\`, \`is False\`), an \`or\` with one such
term, an \`and\` of such terms only. The gates this rule writes are of this form. Other
\`mo.stop\` calls do not count, since the cell may run without a click: a GPU check, a
\`mo.stop\` inside an \`if\` or \`else\` (a cell that loads a checkpoint when there is one and
only trains after a click), a predicate that can be false before the click
(\`not b.value and not cached\`), and a stop on another element (\`not prompt.value\`: a text
input may have a default value, a checkbox may start checked).

## Why is this bad?
marimo runs a cell when the notebook opens and again whenever anything it reads changes. Moving
a slider, editing an upstream cell or just opening the notebook then restarts minutes of GPU
training, a multi-gigabyte download or a package installation. The guide (section 4.3
"Expensive Operations with mo.stop()") puts such work behind a \`mo.ui.run_button\` and
\`mo.stop\`, so that it runs only when the user asks for it. An \`if button.value:\` block is not
enough: the names it defines are missing until the click, so the cells that use them fail
instead of waiting.

## Example
\`\`\`python
@app.cell
def _(loss_fn, model, optimizer, train_loader):
    for epoch in range(10):
        for xb, yb in train_loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
    return
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(mo):
    train_button = mo.ui.run_button(label="🚀 Train model")
    train_button
    return (train_button,)


@app.cell
def _(loss_fn, mo, model, optimizer, train_button, train_loader):
    mo.stop(not train_button.value, mo.md("Click **Train model** to start training"))

    for epoch in range(10):
        for xb, yb in train_loader:
            ...
    return
\`\`\`

## Fix
Inserts a cell right before the expensive one that creates and displays a
\`mo.ui.run_button\` named after the work (\`train_button\`, \`fit_button\`, \`download_button\`,
\`install_button\`, \`generate_button\`; \`_2\`, \`_3\`, ... when the name is taken), and makes
\`mo.stop(not <button>.value, mo.md("Click **…** to …"))\` the first statement of the expensive
cell (after its docstring, if any). When the work already sits in a top-level
\`if <button>.value:\` block without \`else\`, the \`if\` becomes
\`mo.stop(not <button>.value, ...)\` and its body is dedented one level instead (no new cell).

The message also names the other kinds of work that the click starts in the cells below the
gate (those the rule leaves alone because of it): \`mo.md("Click **Download data** to start the
download and the training that follows")\` (a \`.fit(\` counts as training there).

When a new button's label would repeat the label of another new button or of a button the
notebook has (without emoji, ignoring case), each new button adds what its cell makes, taken
from the code: the name the work's result is assigned to (\`fmnist = datasets.FashionMNIST(...,
download=True)\` gives \`📥 Download data: fmnist\`; leading underscores dropped), the estimator
of a \`.fit(\`, the packages of a \`pip install\`, the model of a download
(\`snapshot_download("org/name")\` gives \`name\`). A button whose cell names nothing new gets
the plain label, or a number when that is taken: \`🚀 Train model 2\`.

When no cell imports marimo and the name \`mo\` is free, the new cell starts with
\`import marimo as mo\`. Reported without a fix: an \`if <button>.value:\` gate with an
\`else\`, nested in another block, or holding a multi-line string whose text would change when
dedented; a cell that itself imports marimo (the button cell would need it: move the import to
its own cell first); a notebook where \`mo\` names something other than marimo.

## Fix safety
Unsafe: the cell (and every cell that depends on it) no longer runs on its own; it waits for a
click on the new button. The expensive cells below it get no button of their own: they run
after that click, and again without a click when another of their inputs changes (a slider
they read, say). When an \`if <button>.value:\` gate becomes \`mo.stop\`, the statements
after the \`if\` and the cells that depend on this one wait for the click too.
`;

export const expensiveCellWithoutStop = defineRule({
  code: "NVR003",
  name: "expensive-cell-without-stop",
  section: "4.3",
  severity: "warning",
  fix: "unsafe",
  // The gate goes in before other rules wrap or reorder the cell's code.
  fixPriority: -10,
  summary: "Expensive work (training, `.fit`, downloads, `pip install`, generation) not gated by `mo.stop`",
  docs,
  check(context) {
    const { notebook } = context;
    const candidates: Array<{ cell: Cell; works: ExpensiveWork[] }> = [];
    for (const cell of notebook.cells) {
      if (cell.kind !== "cell" || /\bdisabled\s*=\s*True\b/.test(cell.options)) continue;
      const works = allExpensiveWorkIn(cell, notebook);
      if (works.length > 0) candidates.push({ cell, works });
    }
    if (candidates.length === 0) return;

    const marimo = marimoAliases(notebook);
    // The dataflow is asked for only when a question needs it (it analyses cells on demand).
    const flow = () => context.dataflow();
    const state: PassState = { importAdded: false, suppressions: undefined, pending: [] };
    const elementKinds = new Map<string, ElementKind>();
    const kindOf = (name: string) => {
      let kind = elementKinds.get(name);
      if (!kind) elementKinds.set(name, (kind = elementKind(name, notebook, flow())));
      return kind;
    };
    const clickGated = new Map<number, boolean>();
    const stopsBeforeClick = (index: number): boolean => {
      let gated = clickGated.get(index);
      if (gated === undefined) {
        const cell = notebook.cells[index];
        gated = cell !== undefined && cell.kind === "cell" && cellStopsUntilClick(cell, notebook, marimo.all, kindOf);
        clickGated.set(index, gated);
      }
      return gated;
    };
    // Cells whose text may hold a gate (a `stop` call reading `.value`): only they can be gated already.
    const gateTexts = mayHoldGate(notebook.source) ? notebook.cells.filter((c) => c.kind === "cell" && mayHoldGate(cellText(notebook, c))).map((c) => c.index) : [];
    const byIndex = new Map(candidates.map((c) => [c.cell.index, c]));
    // Candidates this pass gates: their fix adds a `mo.stop` on a button (or a later pass does).
    const gatedNow = new Set<number>();
    // For each of them, the kinds of work that the cells below it (not reported because of it) do.
    const followers = new Map<number, Map<number, ExpensiveKind[]>>();
    const visited = new Set<number>();
    const visit = ({ cell, works }: { cell: Cell; works: ExpensiveWork[] }): void => {
      if (visited.has(cell.index)) return;
      visited.add(cell.index);
      if (stopCalls(cell.node, marimo.all, cellText(notebook, cell)).length > 0) return;
      // Walking the dependencies costs the dataflow of many cells: only when another cell can
      // stop the run, by a gate it has or one this pass gives it.
      const mayBeStopped = candidates.length > 1 || gateTexts.some((i) => i !== cell.index);
      const ancestors = mayBeStopped ? [...ancestorsOf(cell.index, flow())].sort((a, b) => a - b) : [];
      // The gates this pass adds upstream are decided first: cells need not be in dependency order.
      for (const index of ancestors) {
        const upstream = byIndex.get(index);
        if (upstream) visit(upstream);
      }
      // A cell that can only run after a gated cell (a gate it has, or one this pass adds) waits
      // for that click already: a second button would only ask for a second click.
      const gatesNow = ancestors.filter((index) => gatedNow.has(index));
      if (gatesNow.length > 0) {
        // The click on each of those gates also starts this cell's work (once any other gate above it is open).
        const kinds = startedKinds(cell, works, notebook, kindOf);
        for (const gate of gatesNow) {
          const below = followers.get(gate) ?? new Map<number, ExpensiveKind[]>();
          below.set(cell.index, kinds);
          followers.set(gate, below);
        }
        return;
      }
      if (ancestors.some(stopsBeforeClick)) return;
      if (checkCell(context, flow, kindOf, marimo, state, cell, works)) gatedNow.add(cell.index);
    };
    for (const candidate of candidates) visit(candidate);

    // The fixes are written once every cell is decided: a gate's message names the work the cells
    // below it do, and a new button's label must differ from the others'.
    const labels = distinctLabels(notebook.source, state.pending);
    for (const gate of state.pending) {
      const kinds = [...(followers.get(gate.cell.index) ?? new Map<number, ExpensiveKind[]>())].sort(([a], [b]) => a - b).flatMap(([, k]) => k);
      gate.finish?.(labels.get(gate) ?? "", [...new Set(kinds)]);
    }
  },
});

/** The kinds of work a cell does as soon as it runs (not inside an `if` on a button or form). */
function startedKinds(cell: Cell, works: readonly ExpensiveWork[], notebook: Notebook, kindOf: (name: string) => ElementKind): ExpensiveKind[] {
  const text = cellText(notebook, cell);
  const started = works.filter((w) => !ifGatesAround(w.node, cell, text).some((g) => g.names.some((n) => kindOf(n) !== "other")));
  return [...new Set(started.map((w) => w.kind))];
}

// --- marimo names ------------------------------------------------------------------------------

interface MarimoNames {
  /** Every local name bound to the marimo module by a cell (for `<alias>.stop(` lookups). */
  readonly all: ReadonlySet<string>;
  /** The name to write in new code, and the cell that binds it. */
  readonly preferred: { readonly name: string; readonly cell: Cell } | undefined;
}

function marimoAliases(notebook: Notebook): MarimoNames {
  const bindings: Array<{ name: string; cell: Cell }> = [];
  for (const imported of importsOf(notebook)) {
    if (imported.module !== "marimo" || imported.attribute !== undefined) continue;
    const at = startOf(imported.node);
    const cell = cellAt(notebook, at);
    if (cell && (cell.kind === "cell" || cell.kind === "setup") && at < cell.end) bindings.push({ name: imported.local, cell });
  }
  const rank = (b: { name: string; cell: Cell }) => (b.cell.kind === "setup" ? 0 : 2) + (b.name === "mo" ? 0 : 1);
  const preferred = [...bindings].sort((a, b) => rank(a) - rank(b))[0];
  return { all: new Set(["mo", ...bindings.map((b) => b.name)]), preferred };
}

const STOP_CALL: Matcher = {
  rule: { kind: "call", has: { field: "function", kind: "attribute", has: { field: "attribute", regex: "^stop$" } } },
};

/** `mo.stop(...)` calls inside `node` (any alias of marimo). */
function stopCalls(node: PyNode, aliases: ReadonlySet<string>, text?: string): PyNode[] {
  // STOP_CALL needs `stop` in the text.
  if (text !== undefined && !text.includes("stop")) return [];
  return node.findAll(STOP_CALL).filter((call) => aliases.has(call.field("function")?.field("object")?.text() ?? ""));
}

function cellText(notebook: Notebook, cell: Cell): string {
  return notebook.source.slice(cell.start, cell.end);
}

// --- gates in other cells ----------------------------------------------------------------------

/**
 * Whether the cell surely stops until a click: one of its top-level statements (not inside an
 * `if`, a loop, a `with`, a `try` or a function) is `mo.stop(<predicate>, ...)` whose predicate
 * holds as long as a button has not been clicked or a form not submitted (`not b.value`,
 * `b.value is None`, `b.value == 0`; an `or` with one such term; an `and` of such terms only).
 * A predicate that may be false before the click (`not b.value and not cached`), a stop on
 * another element (`not prompt.value`: a text may have a default) and a GPU check
 * (`mo.stop(not torch.cuda...)`) do not count: the cell may run without a click.
 */
function cellStopsUntilClick(cell: Cell, notebook: Notebook, aliases: ReadonlySet<string>, kindOf: (name: string) => ElementKind): boolean {
  if (!mayHoldGate(cellText(notebook, cell))) return false;
  for (const statement of cell.statements) {
    if (statement.kind() !== "expression_statement") continue;
    const expressions = statement.namedChildren().filter((c) => c.kind() !== "comment");
    const call = expressions.length === 1 ? expressions[0]! : undefined;
    if (!call || call.kind() !== "call") continue;
    const callee = call.field("function");
    if (callee?.kind() !== "attribute" || callee.field("attribute")?.text() !== "stop" || !aliases.has(callee.field("object")?.text() ?? "")) continue;
    const predicate = predicateOf(call);
    if (predicate && holdsUntilClick(predicate, kindOf)) return true;
  }
  return false;
}

/** Whether a text (a cell's, or the whole source) can hold a click gate: a `stop` call and a `.value`. */
function mayHoldGate(text: string): boolean {
  return text.includes("stop") && text.includes(".value");
}

/** The predicate of a `mo.stop(...)` call: its first argument, or `predicate=`. */
function predicateOf(stopCall: PyNode): PyNode | undefined {
  const args = stopCall.field("arguments")?.namedChildren().filter((a) => a.kind() !== "comment") ?? [];
  const first = args[0];
  if (!first) return undefined;
  if (first.kind() !== "keyword_argument") return first;
  const named = args.find((a) => a.kind() === "keyword_argument" && a.field("name")?.text() === "predicate");
  return named?.field("value") ?? undefined;
}

/** `X.value is None`, `X.value == None`, `X.value == 0`, `X.value is False`, `X.value == False`. */
const UNSET_VALUE = /^([A-Za-z_]\w*)\.value\s*(?:is|==)\s*(?:None|False|0)$/;

/** Whether an expression is true as long as some button or form has not been clicked. */
function holdsUntilClick(node: PyNode, kindOf: (name: string) => ElementKind): boolean {
  switch (node.kind()) {
    case "parenthesized_expression": {
      const inner = node.namedChildren().filter((c) => c.kind() !== "comment");
      return inner.length === 1 && holdsUntilClick(inner[0]!, kindOf);
    }
    case "not_operator": {
      const argument = node.field("argument");
      return argument !== null && argument !== undefined && isClickValue(argument, kindOf);
    }
    case "comparison_operator": {
      const match = UNSET_VALUE.exec(node.text().replace(/\s+/g, " "));
      return match !== null && kindOf(match[1]!) !== "other";
    }
    case "boolean_operator": {
      const left = node.field("left");
      const right = node.field("right");
      if (!left || !right) return false;
      const operator = node.field("operator")?.text();
      if (operator === "or") return holdsUntilClick(left, kindOf) || holdsUntilClick(right, kindOf);
      if (operator === "and") return holdsUntilClick(left, kindOf) && holdsUntilClick(right, kindOf);
      return false;
    }
    default:
      return false;
  }
}

/** `X.value` for a button or form `X` (possibly parenthesised). */
function isClickValue(node: PyNode, kindOf: (name: string) => ElementKind): boolean {
  if (node.kind() === "parenthesized_expression") {
    const inner = node.namedChildren().filter((c) => c.kind() !== "comment");
    return inner.length === 1 && isClickValue(inner[0]!, kindOf);
  }
  if (node.kind() !== "attribute" || node.field("attribute")?.text() !== "value") return false;
  const object = node.field("object");
  return object?.kind() === "identifier" && kindOf(object.text()) !== "other";
}

/** Indexes of the regular cells `index` reads from, transitively. */
function ancestorsOf(index: number, flow: Dataflow): Set<number> {
  const seen = new Set<number>();
  const queue = [index];
  while (queue.length > 0) {
    const current = queue.pop()!;
    for (const ref of flow.variables.get(current)?.refs ?? []) {
      for (const definer of flow.definers.get(ref) ?? []) {
        if (definer === index || seen.has(definer)) continue;
        seen.add(definer);
        queue.push(definer);
      }
    }
  }
  return seen;
}

// --- gates in the cell -------------------------------------------------------------------------

interface IfGate {
  /** The `if_statement` (or `elif_clause`) whose branch holds the work. */
  readonly node: PyNode;
  /** The names whose `.value` the condition reads. */
  readonly names: readonly string[];
  /**
   * The condition reads them through a variable of the cell (`run = bool(button.value) or not
   * cached`, then `if run:`): the author's own logic, which a `mo.stop` could not replace.
   */
  readonly indirect?: boolean;
}

const VALUE_READ = /(?<![\w.])([A-Za-z_]\w*)\.value\b/g;

/**
 * The elements whose `.value` a condition reads, itself or through variables: assigned in the
 * cell, or (`elsewhere`) a global another cell assigns (`train_clicked = bool(train.value) or
 * script_mode` in one cell, `if train_clicked:` in the next).
 */
function valueReads(condition: string, text: string, elsewhere?: (variable: string) => string | undefined): { names: string[]; indirect: boolean } {
  const names = [...condition.matchAll(VALUE_READ)].map((m) => m[1]!);
  if (names.length > 0) return { names, indirect: false };
  const through: string[] = [];
  for (const [, variable] of condition.matchAll(/(?<![\w.])([A-Za-z_]\w*)(?![\w(.])/g)) {
    const assigned = new RegExp(`^[ \\t]*${variable}[ \\t]*=(?!=)([^\\n]*)`, "m").exec(text)?.[1] ?? elsewhere?.(variable!);
    if (assigned) for (const m of assigned.matchAll(VALUE_READ)) through.push(m[1]!);
  }
  return { names: through, indirect: true };
}

/** The `if X.value:` blocks (outermost first) whose true branch holds `node`. */
function ifGatesAround(node: PyNode, cell: Cell, text: string, elsewhere?: (variable: string) => string | undefined): IfGate[] {
  const gates: IfGate[] = [];
  // A gate's condition reads `<name>.value`, in the cell or through another cell's variable.
  if (!text.includes(".value") && !elsewhere) return gates;
  let child = node;
  for (const ancestor of node.ancestors()) {
    if (ancestor.kind() === "function_definition" && startOf(ancestor) === cell.signatureStart) break;
    const kind = ancestor.kind();
    if (kind === "if_statement" || kind === "elif_clause") {
      const consequence = ancestor.field("consequence");
      if (consequence && startOf(consequence) === startOf(child) && endOf(consequence) === endOf(child)) {
        const { names, indirect } = valueReads(ancestor.field("condition")?.text() ?? "", text, elsewhere);
        if (names.length > 0) gates.unshift({ node: ancestor, names, indirect });
      }
    }
    child = ancestor;
  }
  return gates;
}

/** The assignment that creates `name` in the cell that defines it (its right-hand side). */
function definitionOf(name: string, notebook: Notebook, flow: Dataflow): string | undefined {
  for (const index of flow.definers.get(name) ?? []) {
    const cell = notebook.cells[index];
    if (!cell) continue;
    const assignment = cell.node.find({
      rule: { kind: "assignment", has: { field: "left", regex: `^${name}$` } },
    });
    const right = assignment?.field("right")?.text();
    if (right) return right;
  }
  return undefined;
}

type ElementKind = "button" | "form" | "other";

/** What the UI element `name` is, from the expression that creates it. */
function elementKind(name: string, notebook: Notebook, flow: Dataflow): ElementKind {
  const definition = definitionOf(name, notebook, flow) ?? "";
  if (/\.form\s*\(/.test(definition)) return "form";
  if (/\b(run_button|button)\s*\(/.test(definition)) return "button";
  return "other";
}

/** The run button's label without leading emoji, when it is a plain string literal. */
function buttonLabel(name: string, notebook: Notebook, flow: Dataflow): string | undefined {
  const definition = definitionOf(name, notebook, flow) ?? "";
  const match = /\blabel\s*=\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')/.exec(definition);
  const label = (match?.[1] ?? match?.[2] ?? "").replace(/^[^\p{L}\p{N}]+/u, "").trim();
  return label !== "" && !/["*`]/.test(label) ? label : undefined;
}

// --- the check ---------------------------------------------------------------------------------

interface PassState {
  /** One fix per pass may add `import marimo as mo`; the others wait for the next pass. */
  importAdded: boolean;
  /** The notebook's suppression comments, parsed when a fix is offered. */
  suppressions: Suppressions | undefined;
  /** The gates this pass writes (or the next pass does), reported once every cell is decided. */
  pending: PendingGate[];
}

interface PendingGate {
  readonly cell: Cell;
  /** The work the gate is for. */
  readonly work: ExpensiveWork;
  /** The new button's style; undefined when an `if <button>.value:` becomes `mo.stop`. */
  readonly style: ButtonStyle | undefined;
  /**
   * Reports the diagnostic with its fix, given the new button's label and the other kinds of
   * work the click starts in the cells below. Undefined for a fix left to the next pass (its
   * button only keeps the labels of this pass apart from it).
   */
  readonly finish: ((label: string, followers: readonly ExpensiveKind[]) => void) | undefined;
}

interface ButtonStyle {
  readonly name: string;
  readonly label: string;
  /** What the click starts, after "Click **label** ". */
  readonly action: string;
  /** What `action` starts, when it reads "to start <start>". */
  readonly start?: string;
}

const BUTTONS: Record<ExpensiveKind, ButtonStyle> = {
  training: { name: "train_button", label: "🚀 Train model", action: "to start training", start: "training" },
  fit: { name: "fit_button", label: "🚀 Fit model", action: "to fit the model" },
  download: { name: "download_button", label: "📥 Download model", action: "to start the download", start: "the download" },
  install: { name: "install_button", label: "📦 Install packages", action: "to install the packages" },
  generation: { name: "generate_button", label: "✨ Generate", action: "to start generating", start: "the generation" },
};

/** A kind of work that runs after the gated cell, as the stop message names it (a fit is training too). */
const FOLLOWING: Record<ExpensiveKind, string> = {
  training: "training",
  fit: "training",
  download: "download",
  install: "installation",
  generation: "generation",
};

/**
 * What a click starts, after "Click **label** ": the gated work and the other kinds of work of
 * the cells below it ("to start the download and the training that follows").
 */
function actionText(style: ButtonStyle, kind: ExpensiveKind, followers: readonly ExpensiveKind[]): string {
  const names = [...new Set(followers.map((k) => FOLLOWING[k]))].filter((name) => name !== FOLLOWING[kind]);
  if (names.length === 0) return style.action;
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
  const rest = `the ${list} that follow${names.length === 1 ? "s" : ""}`;
  return style.start ? `to start ${style.start} and ${rest}` : `${style.action} and start ${rest}`;
}

/** Labels of the buttons the notebook has (`run_button(label="...")`, `button(label=...)`), plain and lower case. */
function existingLabels(source: string): string[] {
  if (!source.includes("label")) return [];
  const labels: string[] = [];
  for (const m of source.matchAll(/\b(?:run_button|button)\s*\([^()]*?\blabel\s*=\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')/g)) {
    labels.push(plainLabel(m[1] ?? m[2] ?? "").toLowerCase());
  }
  return labels;
}

/**
 * The label of each new button. Buttons that would share a label with each other or with a
 * button of the notebook (compared without emoji, ignoring case; "Download model: x" and
 * "Download model 2" count as "Download model") are told apart by what their cell makes:
 * "📥 Download data: fmnist". A button whose cell names nothing new gets the label itself, or a
 * number when that is taken: "🚀 Train model 2".
 */
function distinctLabels(source: string, pending: readonly PendingGate[]): Map<PendingGate, string> {
  const labels = new Map<PendingGate, string>();
  const groups = new Map<string, PendingGate[]>();
  for (const gate of [...pending].sort((a, b) => a.cell.index - b.cell.index)) {
    if (!gate.style) continue;
    const group = groups.get(gate.style.label) ?? [];
    group.push(gate);
    groups.set(gate.style.label, group);
  }
  let existing: string[] | undefined;
  for (const [label, group] of groups) {
    const base = plainLabel(label).toLowerCase();
    existing ??= existingLabels(source);
    const others = existing.filter((l) => l === base || l.startsWith(`${base}: `) || (l.startsWith(`${base} `) && /^\d+$/.test(l.slice(base.length + 1))));
    if (group.length + others.length < 2) {
      for (const gate of group) labels.set(gate, label);
      continue;
    }
    const taken = new Set(existing);
    const unnamed: PendingGate[] = [];
    for (const gate of group) {
      const name = workNames(gate.work).find((n) => !taken.has(`${base}: ${n.toLowerCase()}`));
      if (name === undefined) unnamed.push(gate);
      else {
        taken.add(`${base}: ${name.toLowerCase()}`);
        labels.set(gate, `${label}: ${name}`);
      }
    }
    let n = 1;
    for (const gate of unnamed) {
      while (taken.has(n === 1 ? base : `${base} ${n}`)) n++;
      taken.add(n === 1 ? base : `${base} ${n}`);
      labels.set(gate, n === 1 ? label : `${label} ${n}`);
    }
  }
  return labels;
}

function buttonStyle(work: ExpensiveWork): ButtonStyle {
  const style = BUTTONS[work.kind];
  if (work.kind === "download" && /download=True/.test(work.detail)) return { ...style, label: "📥 Download data" };
  return style;
}

/**
 * Reports the cell's first ungated work. Returns whether the report gates the cell: its fix
 * starts the cell with `mo.stop` on a button (or the next pass's fix does), and no comment
 * suppresses it.
 */
function checkCell(context: RuleContext, flow: () => Dataflow, kindOf: (name: string) => ElementKind, marimo: MarimoNames, state: PassState, cell: Cell, works: readonly ExpensiveWork[]): boolean {
  const { notebook } = context;
  const ungated: ExpensiveWork[] = [];
  const buttonGated: Array<{ work: ExpensiveWork; gates: IfGate[] }> = [];
  for (const work of works) {
    // Only buttons and forms make a click gate; `if checkbox.value:` is a setting, not a gate.
    const elsewhere = (variable: string) => definitionOf(variable, notebook, flow());
    const gates = ifGatesAround(work.node, cell, cellText(notebook, cell), elsewhere).filter((g) => g.names.some((n) => kindOf(n) !== "other"));
    if (gates.length === 0) ungated.push(work);
    else if (!gates.some((g) => g.indirect || g.names.some((n) => kindOf(n) === "form"))) buttonGated.push({ work, gates });
  }

  const first = ungated[0];
  if (first) return reportUngated(context, flow, marimo, state, cell, first) && !suppressed(context, state, cell, first.node);
  const gated = buttonGated[0];
  if (!gated) return false; // Everything runs only after a form is submitted.
  const sameGate = buttonGated.every((g) => startOf(g.gates[0]!.node) === startOf(gated.gates[0]!.node));
  if (sameGate && handlesNoClick(notebook, flow(), cell, gated.gates[0]!.node)) return false;
  return reportIfGate(context, marimo, flow, state, cell, gated.work, gated.gates, sameGate) && !suppressed(context, state, cell, gated.work.node);
}

/**
 * Whether an `if <button>.value:` gate already gives the cells below what they read when there
 * was no click: every name other cells read from this cell is assigned at the cell's top level
 * before the `if` (`results = None`, then `if train.value: ... results = ...`), so they run with
 * that value, as the author meant (`if results is None: mo.md("Click to begin")`). A `mo.stop`
 * would leave that code dead. (With no reader below, the `if` becomes a `mo.stop` as usual.)
 */
function handlesNoClick(notebook: Notebook, flow: Dataflow, cell: Cell, gate: PyNode): boolean {
  const before = cell.statements.filter((statement) => endOf(statement) <= startOf(gate));
  const assignedBefore = new Set<string>();
  for (const statement of before) {
    const assigned = /^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=(?!=)/.exec(notebook.source.slice(startOf(statement), endOf(statement)));
    if (assigned) assignedBefore.add(assigned[1]!);
  }
  const read = flow.returns(cell);
  return read.length > 0 && read.every((name) => assignedBefore.has(name));
}

/** Whether a comment suppresses the diagnostic at `node` (then its fix is never applied). */
function suppressed(context: RuleContext, state: PassState, cell: Cell, node: PyNode): boolean {
  state.suppressions ??= parseSuppressions(context.notebook);
  return isSuppressed(state.suppressions, context.notebook, "NVR003", startOf(node), cell);
}

function reportUngated(context: RuleContext, flow: () => Dataflow, marimo: MarimoNames, state: PassState, cell: Cell, work: ExpensiveWork): boolean {
  const { notebook } = context;
  const style = buttonStyle(work);
  const message = `Expensive work without \`mo.stop\`: ${work.detail} runs whenever this cell runs; add a \`mo.ui.run_button\` and \`mo.stop(not <button>.value, ...)\` so that it waits for a click`;

  let mo = marimo.preferred?.name;
  let importLine = "";
  if (!marimo.preferred) {
    const moTaken = flow().definers.has("mo") || flow().usedRefs.has("mo") || flow().allowedRefs.has("mo");
    if (moTaken) {
      context.report({ node: work.node, message: `${message} (no cell imports marimo and \`mo\` is taken: not fixed)` });
      return false;
    }
    if (state.importAdded) {
      // Another fix of this pass adds `import marimo as mo`; this cell is fixed on the next pass.
      context.report({ node: work.node, message });
      // It gates the cell then, unless the fix would fail for another reason (below).
      const later = cell.bodyIndent !== "" && cell.statements.length > 0;
      // Its button-to-be keeps this pass's labels apart from it.
      if (later && !suppressed(context, state, cell, work.node)) state.pending.push({ cell, work, style, finish: undefined });
      return later;
    }
    mo = "mo";
    importLine = "import marimo as mo\n\n";
  } else if (marimo.preferred.cell.index === cell.index || flow().definers.get(marimo.preferred.name)?.includes(cell.index)) {
    // The button cell reads the name, so it would depend on this cell and this cell on it: a
    // cycle. (Another cell may bind the same name, as when two cells import marimo.)
    const statement = marimo.preferred.name === "marimo" ? "import marimo" : `import marimo as ${marimo.preferred.name}`;
    context.report({ node: work.node, message: `${message} (this cell imports marimo itself: move \`${statement}\` to its own cell, then fix)` });
    return false;
  } else if (dependsOn(marimo.preferred.cell.index, cell.index, notebook, flow)) {
    context.report({ node: work.node, message: `${message} (the cell that imports marimo depends on this one: not fixed)` });
    return false;
  }
  if (cell.bodyIndent === "") {
    context.report({ node: work.node, message: `${message} (the cell's body shares the \`def\` line: not fixed)` });
    return false;
  }

  if (cell.statements.length === 0) {
    context.report({ node: work.node, message });
    return false;
  }
  const button = context.freshName(style.name);
  const write = (label: string, followers: readonly ExpensiveKind[]) => {
    const buttonCell = `${importLine}${button} = ${mo}.ui.run_button(label=${JSON.stringify(label)})\n${button}`;
    const stop = `${mo}.stop(not ${button}.value, ${mo}.md(${JSON.stringify(`Click **${plainLabel(label)}** ${actionText(style, work.kind, followers)}`)}))`;
    const fix: Fix = {
      description: `Insert a \`${button}\` run button cell and gate this cell with \`${mo}.stop(not ${button}.value, ...)\``,
      edits: [insertCell(cell, "before", buttonCell), insertStop(notebook, cell, stop)!],
    };
    context.report({ node: work.node, message, fix });
  };
  if (importLine) state.importAdded = true;
  // A suppressed report is never fixed: its button takes no label.
  if (suppressed(context, state, cell, work.node)) write(style.label, []);
  else state.pending.push({ cell, work, style, finish: write });
  return true;
}

/**
 * `mo.stop(...)` as the cell's first statement, then a blank line: after a docstring, else
 * before everything (a leading comment stays with the code it describes).
 */
function insertStop(notebook: Notebook, cell: Cell, stop: string): TextEdit | undefined {
  const source = notebook.source;
  const first = cell.statements[0];
  if (!first) return undefined;
  const docstring = first.kind() === "expression_statement" && first.namedChildren().length === 1 && first.namedChildren()[0]!.kind() === "string" ? first : undefined;
  if (docstring) {
    const after = nextLineStart(source, endOf(docstring));
    const lastStatement = cell.statements.length === 1;
    return insertLinesAfter(notebook, docstring, isBlankLine(source, after) || lastStatement ? stop : `${stop}\n`);
  }
  const firstStart = startOf(first);
  let at = nextLineStart(source, cell.signatureEnd);
  while (at < firstStart && isBlankLine(source, at)) at = nextLineStart(source, at);
  const indent = indentationAt(source, firstStart);
  return replaceRange(at, at, `${indent}${stop}\n\n`);
}

function reportIfGate(context: RuleContext, marimo: MarimoNames, flow: () => Dataflow, state: PassState, cell: Cell, work: ExpensiveWork, gates: readonly IfGate[], sameGate: boolean): boolean {
  const { notebook } = context;
  const gate = gates[0]!;
  const button = gate.names[0]!;
  const message = `Expensive work gated by \`if ${button}.value:\` instead of \`mo.stop\`: ${work.detail} only runs after a click, but the cells that use its results run before it and fail; write \`mo.stop(not ${button}.value, ...)\` instead`;
  const why = sameGate ? convertibleGate(cell, gate, gates) : "the work sits in several `if` blocks";
  if (why) {
    context.report({ node: work.node, message: `${message} (${why}: not fixed)` });
    return false;
  }
  const mo = marimo.preferred?.name;
  if (!mo) {
    context.report({ node: work.node, message: `${message} (no cell imports marimo: not fixed)` });
    return false;
  }
  if (marimo.preferred.cell.index !== cell.index && dependsOn(marimo.preferred.cell.index, cell.index, notebook, flow)) {
    context.report({ node: work.node, message: `${message} (the cell that imports marimo depends on this one: not fixed)` });
    return false;
  }
  const label = buttonLabel(button, notebook, flow());
  const style = buttonStyle(work);
  const stopWith = (followers: readonly ExpensiveKind[]) => {
    const action = actionText(style, work.kind, followers);
    const text = label ? `Click **${label}** ${action}` : `Click the button ${action}`;
    return `${mo}.stop(not ${button}.value, ${mo}.md(${JSON.stringify(text)}))`;
  };
  // Whether the block can be dedented does not depend on the message.
  if (!dedentIfBlock(notebook, gate.node, stopWith([]))) {
    context.report({ node: work.node, message: `${message} (a multi-line string in the \`if\` block would change when dedented: not fixed)` });
    return false;
  }
  const write = (followers: readonly ExpensiveKind[]) => {
    context.report({
      node: work.node,
      message,
      fix: { description: `Replace \`if ${button}.value:\` with \`${mo}.stop(not ${button}.value, ...)\``, edits: [dedentIfBlock(notebook, gate.node, stopWith(followers))!] },
    });
  };
  if (suppressed(context, state, cell, work.node)) write([]);
  else state.pending.push({ cell, work, style: undefined, finish: (_label, followers) => write(followers) });
  return true;
}

/** Why an `if X.value:` gate cannot become `mo.stop`, or undefined when it can. */
function convertibleGate(cell: Cell, gate: IfGate, gates: readonly IfGate[]): string | undefined {
  const node = gate.node;
  if (node.kind() !== "if_statement") return "the gate is an `elif`";
  if (!cell.statements.some((s) => startOf(s) === startOf(node) && endOf(s) === endOf(node))) return "the `if` is nested in another block";
  if (node.children().some((c) => c.kind() === "else_clause" || c.kind() === "elif_clause")) return "the `if` has an `else` branch";
  if (!/^[A-Za-z_]\w*\.value$/.test(node.field("condition")?.text() ?? "")) return "the condition is more than `button.value`";
  if (gates.length > 1) return "the work is gated by several `if` blocks";
  return undefined;
}

/**
 * Replaces `if X.value:` with `stop` and dedents its body one level. Lines inside multi-line
 * strings are never changed: when dedenting would change one, returns undefined.
 */
function dedentIfBlock(notebook: Notebook, ifNode: PyNode, stop: string) {
  const source = notebook.source;
  const consequence = ifNode.field("consequence");
  const colon = ifNode.children().find((c) => c.kind() === ":");
  if (!consequence || !colon) return undefined;
  const ifIndent = indentationAt(source, startOf(ifNode));
  const headerEnd = lineEndOf(source, endOf(colon));
  const start = lineStartOf(source, startOf(ifNode));
  const end = lineEndOf(source, endOf(ifNode));
  const headerComment = ifNode
    .children()
    .filter((c) => c.kind() === "comment" && startOf(c) < headerEnd)
    .map((c) => `  ${c.text()}`)
    .join("");
  const header = `${ifIndent}${stop}${headerComment}`;

  // `if x.value: do()` on one line.
  if (startOf(consequence) < headerEnd) {
    return replaceRange(start, end, `${header}\n\n${ifIndent}${source.slice(startOf(consequence), end).replace(/\r\n/g, "\n")}`);
  }

  const bodyStart = nextLineStart(source, headerEnd);
  const lines = source.slice(bodyStart, end).replace(/\r\n/g, "\n").split("\n");
  const firstCode = lines.find((l) => l.trim() !== "") ?? "";
  const bodyIndent = /^[ \t]*/.exec(firstCode)![0];
  if (!bodyIndent.startsWith(ifIndent) || bodyIndent.length <= ifIndent.length) return undefined;
  const unit = bodyIndent.slice(ifIndent.length);

  const firstLine = notebook.lineOf(bodyStart);
  const protectedLines = new Set<number>();
  for (const string of ifNode.findAll({ rule: { kind: "string" } })) {
    const from = notebook.lineOf(startOf(string));
    const to = notebook.lineOf(endOf(string));
    for (let line = from + 1; line <= to; line++) protectedLines.add(line - firstLine);
  }
  const dedented: string[] = [];
  for (const [i, line] of lines.entries()) {
    const changed = line.startsWith(ifIndent + unit) ? ifIndent + line.slice(ifIndent.length + unit.length) : line.trim() === "" ? "" : line;
    if (protectedLines.has(i)) {
      if (changed !== line) return undefined;
      dedented.push(line);
    } else dedented.push(changed);
  }
  return replaceRange(start, end, `${header}\n\n${dedented.join("\n")}`);
}

// --- helpers -----------------------------------------------------------------------------------

/** Whether cell `from` reads (transitively) from cell `to`, or is it. */
function dependsOn(from: number, to: number, notebook: Notebook, flow: () => Dataflow): boolean {
  if (from === to) return true;
  // Usually `from` (the marimo import cell) reads nothing: no need for the notebook's dataflow.
  if (cellVariables(notebook.cells[from]!, notebook.source).refs.size === 0) return false;
  return ancestorsOf(from, flow()).has(to);
}

function isBlankLine(source: string, offset: number): boolean {
  return source.slice(offset, lineEndOf(source, offset)).trim() === "";
}

function plainLabel(label: string): string {
  return label.replace(/^[^\p{L}\p{N}]+/u, "").trim();
}
