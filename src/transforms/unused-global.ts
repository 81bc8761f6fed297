import { defineRule } from "../engine/types.js";
import type { Notebook } from "../notebook/model.js";
import { PYTHON_BUILTINS } from "../notebook/builtins.js";
import { type Matcher } from "../notebook/python.js";
import { blankStringsAndComments, cellGlobals, firstBindings, wordIndex, type GlobalBinding } from "./lib/cell-globals.js";
import { lazyFix } from "./lib/lazy-fix.js";
import { renameInCell } from "./lib/unused-global-rename.js";

const docs = `
## What it does
Finds public names that a regular cell defines at its top level and that no other cell reads:
variables, loop and \`with\` targets, imports and functions defined in the cell. Names that are
UI elements (\`mo.ui.*\`, \`.batch()\`, \`.form()\`, or the result of a notebook function that
builds one) and \`mo.state\` pairs are never reported: marimo only syncs UI elements bound to
global names. Dunder names (\`__version__\`) are not reported either.

A name counts as read by another cell when any other cell mentions it, so a name that another
cell only mentions in a string or a comment is not reported (no false positives, at the price
of a few missed names).

## Why is this bad?
A global that no other cell reads only pollutes the namespace: it keeps its value (often a GPU
tensor or an intermediate DataFrame) alive for the whole session, shows up in the variable
explorer, and makes any other cell that uses the same name a multiple-definition error. marimo
treats names starting with \`_\` as local to their cell and frees them when the cell finishes
(guide, section 2.1 "Minimal Global Variables", and pitfall 3 "Excessive Global Variables").

## Example
\`\`\`python
@app.cell
def _(data, model):
    intermediate = process_data(data)
    result = model(intermediate)
    final_output = result.mean()
    return (final_output,)
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(data, model):
    _intermediate = process_data(data)
    _result = model(_intermediate)
    final_output = _result.mean()
    return (final_output,)
\`\`\`

## Fix
Renames the name to \`_name\` (\`_name_2\`, ... when the cell already uses \`_name\`) everywhere it
refers to the cell-level binding in that cell: assignments, reads, nested functions that use
it, \`global\` declarations, and the cell's display expression, which keeps showing the value.
Attribute names (\`obj.name\`), keyword argument names (\`f(name=...)\`), strings and comments are
left alone, as are nested scopes that bind the name themselves. An import gets an alias
(\`import numpy as _np\`).

No fix is offered for classes (renaming changes how instances print and pickle), builtin names,
\`import a.b\` (an alias cannot replace the package name), names in named cells (their defs
are the cell's API), objects whose deletion has an effect (temporary directories, threads,
processes, pools, \`SummaryWriter\`), and cells that read their namespace dynamically
(\`locals()\`, \`globals()\`, \`vars()\`, \`eval\`, \`exec\`) or print the name with \`f"{name=}"\`.

## Fix safety
Safe: no other cell reads the name, and the cell itself uses the new name consistently. The
only change is that marimo deletes the value when the cell finishes (unless a function of the
cell still refers to it), which is the point.
`;

/** Right-hand sides that make a UI element or reactive state, which must stay global. */
const UI_VALUE = /\bui\s*\.|\.\s*(?:batch|form)\s*\(|\bstate\s*\(/;
/** Objects whose deletion ends something (files on disk, threads, processes). */
const RESOURCE = /\b(?:TemporaryDirectory|NamedTemporaryFile|SpooledTemporaryFile|TemporaryFile|Popen|Thread|Process|ThreadPoolExecutor|ProcessPoolExecutor|Pool|SummaryWriter)\s*\(/;
/** Code that reads the namespace by name, which a rename cannot follow. */
const DYNAMIC_NAMESPACE = /\b(?:locals|globals|vars|eval|exec)\s*\(|\bimport\s*\*/;
/**
 * Constructs that can make the rename impossible (a class body or a `match` pattern binding the
 * name, a `global` declaration, `import a.b`): in cells that have one, the rename is resolved at once, so that a fix is
 * only offered when it applies.
 */
const RISKY = /\b(?:class|match|global)\b|\bimport[ \t]+[^\n]*\./;

/** Functions whose body builds a UI element (a call of one returns a UI element). */
const UI_FACTORY: Matcher = { rule: { kind: "function_definition", regex: "\\bui\\s*\\.|\\.(batch|form)\\s*\\(" } };

export const unusedGlobal = defineRule({
  code: "NVO002",
  name: "unused-global",
  section: "2.1",
  severity: "warning",
  fix: "safe",
  summary: "Global defined by a cell that no other cell reads (make it private with `_`)",
  docs,
  check(context) {
    const { notebook } = context;
    const globals = cellGlobals(notebook);
    if (globals.bindings.length === 0) return;
    const words = wordIndex(notebook);
    const definers = new Map<string, Set<number>>();
    for (const b of globals.bindings) {
      const set = definers.get(b.name);
      if (set) set.add(b.cell.index);
      else definers.set(b.name, new Set([b.cell.index]));
    }
    const topLevel = new Set(notebook.cells.filter((c) => c.kind === "function" || c.kind === "class").map((c) => c.name));
    const unused = firstBindings(globals).filter(
      (b) =>
        b.cell.kind === "cell" &&
        !b.name.startsWith("__") &&
        !globals.bindings.some((other) => other.cell === b.cell && other.name === b.name && other.kind === "import") &&
        definers.get(b.name)!.size === 1 &&
        !topLevel.has(b.name) &&
        words.count(b.name) === words.countIn(b.cell, b.name),
    );
    if (unused.length === 0) return;

    let factories: Set<string> | undefined;
    const uiFactories = () => (factories ??= uiFactoryNames(notebook));
    for (const binding of unused) {
      const statements = globals.bindings.filter((b) => b.cell === binding.cell && b.name === binding.name).map((b) => notebook.source.slice(b.statementStart, b.statementEnd));
      if (statements.some((text) => UI_VALUE.test(text) || callsAny(text, uiFactories()))) continue;
      // `on_change=handler`: on-change-callback (NVR001) turns the handler into a reactive cell
      // that needs it global.
      if (new RegExp(`\\bon_change\\s*=\\s*${escapeRegex(binding.name)}\\b`).test(notebook.source.slice(binding.cell.start, binding.cell.end))) continue;
      const reason = whyNotFixable(notebook, binding, statements);
      const message = `\`${binding.name}\` is global but no other cell reads it: rename it \`_${binding.name}\` to keep it local to this cell`;
      if (reason) {
        context.report({ start: binding.start, end: binding.end, message: `${message} (not fixed: ${reason})` });
        continue;
      }
      const newName = privateName(notebook, binding);
      const cell = binding.cell;
      const name = binding.name;
      if (RISKY.test(blankStringsAndComments(notebook.source, cell.start, cell.end))) {
        const edits = renameInCell(cell, name, newName);
        if (typeof edits === "string") {
          context.report({ start: binding.start, end: binding.end, message: `${message} (not fixed: ${edits})` });
          continue;
        }
        context.report({ start: binding.start, end: binding.end, message, fix: { description: `Rename \`${name}\` to \`${newName}\` in its cell`, edits } });
        continue;
      }
      context.report({
        start: binding.start,
        end: binding.end,
        message,
        fix: lazyFix(`Rename \`${name}\` to \`${newName}\` in its cell`, () => {
          const edits = renameInCell(cell, name, newName);
          // Unreachable: the constructs that can make the rename impossible were checked above.
          return typeof edits === "string" ? [] : edits;
        }),
      });
    }
  },
});

function whyNotFixable(notebook: Notebook, binding: GlobalBinding, statements: readonly string[]): string | undefined {
  const cell = binding.cell;
  if (binding.kind === "class") return "renaming a class changes how its instances print and pickle";
  if (PYTHON_BUILTINS.has(binding.name)) return "it shadows a builtin; choose another name";
  if (cell.name !== "_" && cell.name !== "__") return `the defs of the named cell \`${cell.name}\` are its API`;
  if (statements.some((text) => RESOURCE.test(text))) return "marimo would delete the object when the cell finishes";
  const code = notebook.source.slice(cell.start, cell.end);
  if (DYNAMIC_NAMESPACE.test(blankStringsAndComments(notebook.source, cell.start, cell.end))) return "the cell reads its namespace dynamically";
  const escaped = escapeRegex(binding.name);
  if (new RegExp(`\\{[^{}\\n]*\\b${escaped}\\b[^{}\\n]*=\\s*(?:![rsa])?\\s*(?::[^{}]*)?\\}`).test(code)) return `an f-string prints its name (\`{${binding.name}=}\`)`;
  if (binding.kind === "import" && notebook.source[binding.end] === ".") return "`import a.b` binds the package name, which an alias cannot replace";
  return undefined;
}

/** `_name`, or `_name_2`, ... when the cell already uses it. */
function privateName(notebook: Notebook, binding: GlobalBinding): string {
  const words = wordIndex(notebook);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `_${binding.name}` : `_${binding.name}_${n}`;
    if (words.countIn(binding.cell, candidate) === 0) return candidate;
  }
}

function uiFactoryNames(notebook: Notebook): Set<string> {
  const names = new Set<string>();
  if (!UI_VALUE.test(notebook.source)) return names;
  for (const fn of notebook.root.root().findAll(UI_FACTORY)) {
    const name = fn.field("name")?.text();
    if (name) names.add(name);
  }
  return names;
}

function callsAny(text: string, functions: ReadonlySet<string>): boolean {
  if (functions.size === 0) return false;
  for (const m of text.matchAll(/([\p{L}_][\p{L}\p{N}_]*)\s*\(/gu)) if (functions.has(m[1]!)) return true;
  return false;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
