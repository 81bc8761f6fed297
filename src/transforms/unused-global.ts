import { stringListOption } from "../engine/options.js";
import { defineRule, type Edit, type Fix } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { PYTHON_BUILTINS } from "../notebook/builtins.js";
import { lineStartOf } from "../notebook/text.js";
import { blankedCode, blankStringsAndComments, cellGlobals, cellName, wordIndex, type GlobalBinding } from "./lib/cell-globals.js";
import { renameInCell, willRename } from "./lib/unused-global-rename.js";
import { keepClosures, keepShape } from "../notebook/shapes.js";

const docs = `
## What it does
Finds public names that a regular cell defines at its top level and that no other cell reads:
variables, loop and \`with\` targets, and functions and classes defined in the cell. Never
reported: UI elements (\`mo.ui.*\`, \`.batch()\`, \`.form()\`, or the result of a notebook
function that builds one) and \`mo.state\` pairs, because marimo only syncs UI elements bound to
global names; functions passed as \`on_change=\` handlers (left to \`on-change-callback\`, NVR001,
whose fix needs them global); module imports (an unused import is a job for a linter such as
ruff's F401, and module names such as \`mo\` should stay global); dunder names (\`__version__\`);
and names of the setup cell, which every cell may read.

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
refers to the cell-level binding in that cell: assignments, reads, default values and bodies
of nested functions, lambdas and comprehensions that use it, f-string expressions, and the
cell's display expression, which keeps showing the value. Attribute names (\`obj.name\`),
keyword argument names (\`f(name=...)\`), strings and comments are left alone, as are nested
scopes that bind the name themselves (a parameter, a loop or comprehension variable).

Functions named \`test*\` are not reported: pytest (and marimo's pytest integration) collects
them by that name, and a private name would silently stop them from running.

No fix is offered for classes (renaming changes how instances print and pickle), decorated
functions (marimo gives a private function the \`__name__\` \`_cell_<id>_name\`, which a
decorator may use as an identifier: a LangChain tool's name, a Flask endpoint), builtin names,
names in named cells (their defs are the cell's API), objects whose deletion has an effect
(temporary directories, threads, processes, pools, \`SummaryWriter\`, asyncio tasks), names that a nested
function declares \`global\` (marimo renames a private name in the \`global\` statement but not
in the function body), names in \`match\` patterns or class bodies, and cells that read their
namespace dynamically (\`locals()\`, \`globals()\`, \`vars()\`, \`eval\`, \`exec\`) or print the
name with \`f"{name=}"\`.

## Fix safety
Safe: no other cell reads the name, and the cell itself uses the new name consistently. The
only change is that marimo deletes the value when the cell finishes (unless a function of the
cell still refers to it), which is the point.

Another notebook that embeds this one (\`result = await app.embed()\`, then
\`result.defs["name"]\`) or runs it (\`app.run()\` returns its definitions) reads its globals by
name, from another file. The command line finds those reads in the files of its run
(\`.defs["name"]\`, \`.defs['name']\`, \`.defs.get("name")\`) and never renames a global of that
name in any notebook of the run; the \`keep\` option lists more (an embedding notebook outside
the run, or the API).
`;

/** Right-hand sides that make a UI element or reactive state, which must stay global. */
const UI_VALUE = /\bui\s*\.|\.\s*(?:batch|form)\s*\(|\bstate\s*\(/;
/**
 * Objects whose deletion ends something (files on disk, threads, processes), and asyncio tasks,
 * whose only strong reference the event loop does not keep (the asyncio docs ask for one).
 */
const RESOURCE = /\b(?:TemporaryDirectory|NamedTemporaryFile|SpooledTemporaryFile|TemporaryFile|Popen|Thread|Process|ThreadPoolExecutor|ProcessPoolExecutor|Pool|SummaryWriter|create_task|ensure_future)\s*\(/;
/** Code that reads the namespace by name, which a rename cannot follow. */
const DYNAMIC_NAMESPACE = /\b(?:locals|globals|vars|eval|exec)\s*\(|\bimport\s*\*/;
/**
 * Constructs that can make the rename impossible (a class body or a `match` pattern binding the
 * name, a `global` declaration, `import a.b`): in cells that have one, the rename is resolved at once, so that a fix is
 * only offered when it applies.
 */
const RISKY = /\b(?:class|match|global)\b|\bimport[ \t]+[^\n]*\./;


/** Names read from outside the notebook: never reported. The CLI adds those a run's files read. */
const KEEP = stringListOption({
  name: "keep",
  description:
    "Global names other files read by name (`result.defs[\"name\"]` after `app.embed()` or `app.run()`): never reported or renamed. The command line adds every name the files of its run read that way.",
});

export const unusedGlobal = defineRule({
  code: "NVO002",
  name: "unused-global",
  section: "2.1",
  severity: "warning",
  fix: "safe",
  summary: "Global defined by a cell that no other cell reads (make it private with `_`)",
  docs,
  options: [KEEP],
  check(context) {
    const { notebook } = context;
    const keep = KEEP.read(context.options.keep);
    const globals = cellGlobals(notebook);
    if (globals.bindings.length === 0) return;
    const words = wordIndex(notebook);
    // Per name: the first cell that binds it, its bindings there, and whether other cells bind it.
    const byName = new Map<string, NameBindings>();
    for (const b of globals.bindings) {
      const entry = byName.get(b.name);
      if (!entry) byName.set(b.name, { cell: b.cell, bindings: [b], otherCells: false });
      else if (entry.cell === b.cell) entry.bindings.push(b);
      else entry.otherCells = true;
    }
    let topLevel: Set<string> | undefined;
    const unused: Array<{ binding: GlobalBinding; all: readonly GlobalBinding[] }> = [];
    for (const b of globals.bindings) {
      if (b.cell.kind !== "cell" || b.name.startsWith("__")) continue;
      const entry = byName.get(b.name)!;
      // Defined by one cell only, and this is the cell's first binding of the name.
      if (entry.otherCells || entry.bindings[0] !== b) continue;
      topLevel ??= new Set(notebook.cells.filter((c) => c.kind === "function" || c.kind === "class").map((c) => c.name));
      if (topLevel.has(b.name) || words.count(b.name) !== words.countIn(b.cell, b.name)) continue;
      // Unused imports are for a linter such as ruff (F401); module names stay global.
      if (entry.bindings.some((other) => other.kind === "import")) continue;
      // pytest (and marimo's pytest integration) collects functions named `test*`: no other
      // cell reads them, and a private name would silently stop them from running.
      if (b.kind === "function" && b.name.startsWith("test")) continue;
      // Read by another notebook that embeds or runs this one.
      if (keep.length > 0 && keep.includes(b.name)) continue;
      unused.push({ binding: b, all: entry.bindings });
    }
    if (unused.length === 0) return;

    const facts = new Map<number, CellFacts>();
    const factsOf = (cell: Cell) => {
      let f = facts.get(cell.index);
      if (!f) {
        f = cellFacts(notebook, cell);
        facts.set(cell.index, f);
      }
      return f;
    };
    keepClosures("unusedGlobal", factsOf);
    let factories: ReadonlySet<string> | undefined;
    for (const { binding, all } of unused) {
      const cell = binding.cell;
      const cellInfo = factsOf(cell);
      // Loops, not arrow functions made per binding (see notebook/shapes.ts).
      const statements: string[] = [];
      let makesUi = false;
      for (const b of all) {
        const text = notebook.source.slice(b.statementStart, b.statementEnd);
        statements.push(text);
        // A statement can only match `UI_VALUE` if its cell's text does (see `CellFacts.ui`).
        makesUi ||= (cellInfo.ui && UI_VALUE.test(text)) || callsAny(text, (factories ??= uiFactoryNames(notebook, globals)));
      }
      if (makesUi) continue;
      const name = binding.name;
      // `on_change=handler`: on-change-callback (NVR001) turns the handler into a reactive cell
      // that needs it global.
      if (cellInfo.handlers.has(name)) continue;
      const message = `\`${name}\` is global but no other cell reads it: rename it \`_${name}\` to keep it local to this cell`;
      const reason = whyNotFixable(notebook, binding, statements, cellInfo);
      if (reason) {
        context.report({ start: binding.start, end: binding.end, message: `${message} (not fixed: ${reason})` });
        continue;
      }
      const newName = privateName(notebook, binding);
      const description = `Rename \`${name}\` to \`${newName}\` in its cell`;
      if (cellInfo.risky) {
        const edits = renameInCell(cell, name, newName);
        if (typeof edits === "string") context.report({ start: binding.start, end: binding.end, message: `${message} (not fixed: ${edits})` });
        else context.report({ start: binding.start, end: binding.end, message, fix: { description, edits } });
        continue;
      }
      willRename(cell, name);
      context.report({ start: binding.start, end: binding.end, message, fix: new RenameFix(description, cell, name, newName) });
    }
  },
});

/**
 * The rename, its edits computed on first use: linting only reads a fix's description (as
 * `lazyFix`, with one object per diagnostic and no closure, since most diagnostics of this rule
 * have a fix).
 */
class RenameFix implements Fix {
  private computed: readonly Edit[] | undefined;

  constructor(
    readonly description: string,
    private readonly cell: Cell,
    private readonly name: string,
    private readonly newName: string,
  ) {
    keepShape(this);
  }

  get edits(): readonly Edit[] {
    if (!this.computed) {
      const edits = renameInCell(this.cell, this.name, this.newName);
      // Unreachable: the constructs that can make the rename impossible were checked before.
      this.computed = typeof edits === "string" ? [] : edits;
    }
    return this.computed;
  }
}

interface NameBindings {
  /** The first cell that binds the name, and its bindings of the name in source order. */
  readonly cell: Cell;
  readonly bindings: GlobalBinding[];
  /** Whether other cells bind it too. */
  otherCells: boolean;
}

/** What a cell's code says about renaming its names, computed once per cell. */
interface CellFacts {
  /** `locals()`, `globals()`, `vars()`, `eval`, `exec`, `import *`. */
  readonly dynamic: boolean;
  /** See `RISKY`. */
  readonly risky: boolean;
  /** Names printed by a self-documenting f-string expression (`f"{x=}"`). */
  readonly selfDocumented: ReadonlySet<string>;
  /** Names passed as `on_change=` handlers. */
  readonly handlers: ReadonlySet<string>;
  /**
   * Whether `UI_VALUE` (`ui`) or `RESOURCE` (`resource`) matches the cell's text. A statement's
   * text is part of it, and starts after a character that is not a word character (a space, a
   * quote, `;` or `:`), so neither pattern can match a statement of a cell whose text it does not match.
   */
  readonly ui: boolean;
  readonly resource: boolean;
  /** `cellName` of the cell. */
  readonly cellFunction: string;
}

const SELF_DOCUMENTING = /\{([^{}\n]*?)=\s*(?:![rsa])?\s*(?::[^{}]*)?\}/g;
const HANDLER = /\bon_change\s*=\s*([\p{L}_][\p{L}\p{N}_]*)/gu;
const IDENTIFIER = /[\p{L}_][\p{L}\p{N}_]*/gu;

function cellFacts(notebook: Notebook, cell: Cell): CellFacts {
  const text = notebook.source.slice(cell.start, cell.end);
  const blank = blankedCode(notebook, cell.start, cell.end);
  const selfDocumented = new Set<string>();
  if (text.includes("=}") || /=\s*[!:}]/.test(text)) {
    for (const m of text.matchAll(SELF_DOCUMENTING)) for (const id of m[1]!.matchAll(IDENTIFIER)) selfDocumented.add(id[0]);
  }
  const handlers = new Set<string>();
  if (blank.includes("on_change")) for (const m of blank.matchAll(HANDLER)) handlers.add(m[1]!);
  return {
    dynamic: DYNAMIC_NAMESPACE.test(blank),
    risky: RISKY.test(blank),
    selfDocumented,
    handlers,
    ui: UI_VALUE.test(text),
    resource: RESOURCE.test(text),
    cellFunction: cellName(notebook, cell),
  };
}

function whyNotFixable(notebook: Notebook, binding: GlobalBinding, statements: readonly string[], facts: CellFacts): string | undefined {
  if (binding.kind === "class") return "renaming a class changes how its instances print and pickle";
  // marimo gives a private function the `__name__` `_cell_<id>_name`, which a decorator may use
  // as an identifier (a LangChain tool's name, a Flask endpoint, a cache's name).
  if (binding.kind === "function" && isDecorated(notebook.source, binding.statementStart)) return "a decorator may use the function's name";
  if (PYTHON_BUILTINS.has(binding.name)) return "it shadows a builtin; choose another name";
  const cellFunction = facts.cellFunction;
  if (cellFunction !== "_" && cellFunction !== "__") return `the defs of the named cell \`${cellFunction}\` are its API`;
  if (facts.resource && statements.some((text) => RESOURCE.test(text))) return "marimo would delete the object when the cell finishes";
  if (facts.dynamic) return "the cell reads its namespace dynamically";
  if (facts.selfDocumented.has(binding.name)) return `an f-string prints its name (\`{${binding.name}=}\`)`;
  return undefined;
}

/**
 * Whether the `def` whose header starts at `start` has decorators: going up from it over the
 * lines of a decorator's arguments (deeper, or closing a bracket), a line at its indentation
 * starts with `@`.
 */
function isDecorated(source: string, start: number): boolean {
  if (source.startsWith("@", start)) return true;
  const defLine = lineStartOf(source, start);
  const indent = start - defLine;
  for (let end = defLine - 1; end > 0; ) {
    const lineStart = lineStartOf(source, end);
    const line = source.slice(lineStart, end).replace(/\r$/, "");
    end = lineStart - 1;
    const text = line.trimStart();
    const depth = line.length - text.length;
    if (text === "" || depth > indent || /^[)\]}]/.test(text)) continue;
    return depth === indent && text.startsWith("@");
  }
  return false;
}

/** `_name`, or `_name_2`, ... when the cell already uses it. */
function privateName(notebook: Notebook, binding: GlobalBinding): string {
  const words = wordIndex(notebook);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `_${binding.name}` : `_${binding.name}_${n}`;
    if (words.countIn(binding.cell, candidate) === 0) return candidate;
  }
}

/**
 * Notebook functions whose code builds a UI element: `@app.function`s, and functions defined
 * at the top level of a cell (their body is the lines indented below the `def`).
 */
function uiFactoryNames(notebook: Notebook, globals: ReturnType<typeof cellGlobals>): Set<string> {
  const names = new Set<string>();
  for (const cell of notebook.cells) {
    if (cell.kind === "function" && UI_VALUE.test(blankedCode(notebook, cell.start, cell.end))) names.add(cell.name);
  }
  for (const b of globals.bindings) {
    if (b.kind !== "function" || b.cell.kind !== "cell") continue;
    const body = indentedBlock(notebook.source, b.statementStart);
    if (UI_VALUE.test(blankStringsAndComments(notebook.source, body.start, body.end))) names.add(b.name);
  }
  return names;
}

/** From a `def` line to the last following line indented deeper than it. */
function indentedBlock(source: string, start: number): { start: number; end: number } {
  const lineStart = lineStartOf(source, start);
  const indent = start - lineStart;
  let end = source.indexOf("\n", start);
  if (end === -1) return { start, end: source.length };
  for (let next = end + 1; next < source.length; ) {
    const lineEnd = source.indexOf("\n", next);
    const line = source.slice(next, lineEnd === -1 ? source.length : lineEnd);
    if (line.trim() !== "") {
      const width = line.length - line.trimStart().length;
      if (width <= indent) break;
      end = lineEnd === -1 ? source.length : lineEnd;
    }
    if (lineEnd === -1) break;
    next = lineEnd + 1;
  }
  return { start, end };
}

function callsAny(text: string, functions: ReadonlySet<string>): boolean {
  if (functions.size === 0) return false;
  for (const m of text.matchAll(/([\p{L}_][\p{L}\p{N}_]*)\s*\(/gu)) if (functions.has(m[1]!)) return true;
  return false;
}
