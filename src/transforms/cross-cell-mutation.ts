import { defineRule } from "../engine/types.js";
import type { Cell } from "../notebook/model.js";
import { startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { isPrivateName } from "../notebook/scope.js";
import { importsOf } from "./lib/imports.js";
import { escapeRegex } from "./lib/regex.js";
import { isRegularCell } from "./lib/predicates.js";
import { keepClosures } from "../notebook/shapes.js";

const docs = `
## What it does
Finds cells that mutate a value another cell defines: \`.append(\`, \`.extend(\`, \`.insert(\`,
\`.update(...)\`, \`.setdefault(\`, \`.pop(\`, \`.remove(\`, \`.clear(\` and the other container methods,
PyTorch's in-place methods (\`weights.add_(...)\`, \`layer.weight.data.normal_()\`,
\`model.requires_grad_(False)\`), pandas' \`inplace=True\`, item and attribute assignment
(\`results["loss"] = ...\`, \`config.lr = ...\`, \`df["c"] += 1\`) and \`del x[key]\`. Names bound
by imports (\`os.environ[...]\`, \`torch.backends.cudnn.benchmark\`), private \`_names\` and names
that a function or comprehension in the cell binds locally are not reported.

## Why is this bad?
marimo decides what to re-run from which cell *defines* a name and which cells *read* it; it
does not see mutations. After a cell appends to a list defined elsewhere, the cells that display
that list show stale data, re-running the mutating cell appends again (the cell is not
idempotent), and the result depends on the order in which cells happened to run (guide,
section 7.3 "Idempotent Cells"; marimo's "Mutations are not tracked").

## Example
\`\`\`python
@app.cell
def _():
    history = []
    return (history,)


@app.cell
def _(history, loss):
    history.append(loss)
    return
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(losses):
    history = [float(loss) for loss in losses]
    return (history,)
\`\`\`

## Fix
None: where the value should be built depends on the notebook. Mutate the value only in the
cell that defines it, or derive a new value with a new name (\`history_with_loss = [*history,
loss]\`, \`df2 = df.assign(c=...)\`), or keep the state in \`mo.state\`.

## Fix safety
No fix.
`;

/** Cheap test on the whole source before the native query. */
const HINT = /\.(?:append|extend|update|insert|remove|clear|setdefault|pop|popitem|discard)\(|[a-z0-9]_\(|inplace|\bdel\s|(?:\]|\.[\p{L}_][\p{L}\p{N}_]*)\s*(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=(?!=)/u;

/**
 * The non-ASCII characters that are not `\s` (NBSP, U+3000 and the other Unicode blanks are). An
 * identifier class that also held blanks would let `\s*` and a name share them, and a line of
 * names and commas with NBSPs (pasted text) backtrack exponentially.
 */
const NON_ASCII_NON_BLANK =
  "\\u0080-\\u009f\\u00a1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ufefe\\uff00-\\uffff";
// Identifiers without the `u` flag (several times faster in V8): ASCII words plus any non-ASCII
// character but a blank, which over-approximates Python's identifier rules harmlessly (and is
// wider than ASSIGNMENT_TEXT's names: no letter is a blank).
const ID = `[A-Za-z_${NON_ASCII_NON_BLANK}][\\w${NON_ASCII_NON_BLANK}]*`;
/**
 * A subscript, `[...]`, up to three levels deep (`[i]`, `[idx[0]]`, `[a[b[0]]]`), on one line. It
 * cannot hold a stray `]`: a lazy `[^\n]*?\]` could close at any later `]`, and a chain of
 * subscripts (`cfg["a"]["b"]...`) then backtracked exponentially.
 */
const SUBSCRIPT = "\\[(?:[^\\[\\]\\n]|\\[(?:[^\\[\\]\\n]|\\[[^\\[\\]\\n]*\\])*\\])*\\]";

// The same mutations found in text, to skip the native query when every one is the cell's own.
const METHOD_CALL_TEXT = /\.\s*(?:append|extend|insert|remove|clear|setdefault|pop|popitem|discard|update|[a-z][a-z0-9]*(?:_[a-z0-9]+)*_)\s*\(/g;
/** The receiver chain ending a line prefix: `results["train"].items` → `results`. */
const ROOT_BEFORE = /([\p{L}_][\p{L}\p{N}_]*)(?:\s*\[[^\]\n]*\]|\s*\.\s*[\p{L}_][\p{L}\p{N}_]*)*\s*$/u;
/** `del x[...]` (group 1) or `x[...] = ...` / `x.a += ...` (group 2) at the start of a line (sticky). */
const ASSIGNMENT_TEXT = new RegExp(
  `^[ \\t]*(?:del\\s+([\\p{L}_][\\p{L}\\p{N}_]*)\\s*[[.]|([\\p{L}_][\\p{L}\\p{N}_]*)(?:[^\\S\\n]*${SUBSCRIPT}|[^\\S\\n]*\\.[^\\S\\n]*[\\p{L}_][\\p{L}\\p{N}_]*)+[^\\S\\n]*(?:[-+*/%&|^@]|\\/\\/|\\*\\*|<<|>>)?=(?!=))`,
  "muy",
);

/**
 * Whether `test` holds for a name whose value `text` mutates, trying method calls first, then
 * assignments, in text order. (Loops on the shared global regexes: `test` must not use them.)
 */
function someMutatedRoot(text: string, test: (root: string) => boolean): boolean {
  METHOD_CALL_TEXT.lastIndex = 0;
  for (let match = METHOD_CALL_TEXT.exec(text); match; match = METHOD_CALL_TEXT.exec(text)) {
    const prefix = text.slice(text.lastIndexOf("\n", match.index) + 1, match.index);
    const root = ROOT_BEFORE.exec(prefix)?.[1];
    if (root && test(root)) return true;
  }
  return someAssignedRoot(text, test);
}

/**
 * Where ASSIGNMENT_TEXT can start: the same pattern without the `u` flag (several times faster) and
 * with wider name classes, so it never skips a line where ASSIGNMENT_TEXT matches. It consumes only
 * the indentation and `del` or the first name (atomic, through the lookahead), so a line start its
 * global scan steps over is never one where ASSIGNMENT_TEXT matches.
 */
const ASSIGNMENT_START = new RegExp(
  `^[ \\t]*(?:del\\s|(?=(${ID}))\\1(?=(?:[^\\S\\n]*${SUBSCRIPT}|[^\\S\\n]*\\.[^\\S\\n]*${ID})+[^\\S\\n]*(?:[-+*/%&|^@]|\\/\\/|\\*\\*|<<|>>)?=(?!=)))`,
  "gm",
);

/**
 * Whether `test` holds for a root that scanning `text` for ASSIGNMENT_TEXT (as a `gmu` regex)
 * finds, trying it only where ASSIGNMENT_START matches.
 */
function someAssignedRoot(text: string, test: (root: string) => boolean): boolean {
  let end = 0;
  ASSIGNMENT_START.lastIndex = 0;
  for (let start = ASSIGNMENT_START.exec(text); start; start = ASSIGNMENT_START.exec(text)) {
    // A global scan would resume after its previous match: skip starts inside it.
    if (start.index < end) continue;
    ASSIGNMENT_TEXT.lastIndex = start.index;
    const match = ASSIGNMENT_TEXT.exec(text);
    if (!match) continue;
    end = start.index + match[0].length;
    if (test((match[1] ?? match[2])!)) return true;
  }
  return false;
}

const MUTATING_METHOD = "^(?:append|extend|insert|remove|clear|setdefault|pop|popitem|discard|update|[a-z][a-z0-9]*(?:_[a-z0-9]+)*_)$";

const MUTATIONS: Matcher = {
  rule: {
    any: [
      { kind: "call", has: { field: "function", kind: "attribute", has: { field: "attribute", regex: MUTATING_METHOD } } },
      {
        kind: "call",
        has: {
          field: "arguments",
          has: { kind: "keyword_argument", all: [{ has: { field: "name", regex: "^inplace$" } }, { has: { field: "value", regex: "^True$" } }] },
        },
      },
      { kind: "assignment", has: { field: "left", any: [{ kind: "subscript" }, { kind: "attribute" }] } },
      { kind: "augmented_assignment", has: { field: "left", any: [{ kind: "subscript" }, { kind: "attribute" }] } },
      {
        kind: "delete_statement",
        has: { any: [{ kind: "subscript" }, { kind: "attribute" }, { kind: "expression_list", has: { any: [{ kind: "subscript" }, { kind: "attribute" }] } }] },
      },
    ],
  },
};

const SCOPE_KINDS = new Set(["function_definition", "lambda", "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression", "class_definition"]);

interface Mutation {
  readonly node: PyNode;
  readonly cell: Cell;
  readonly name: string;
  /** How the mutation reads in a message, e.g. `history.append(...)`. */
  readonly label: string;
}

export const crossCellMutation = defineRule({
  code: "NVS004",
  name: "cross-cell-mutation",
  section: "7.3",
  severity: "warning",
  fix: "none",
  summary: "A cell mutates a value that another cell defines; marimo does not track mutations",
  docs,
  check(context) {
    const { notebook } = context;
    if (!HINT.test(notebook.source)) return;
    const imported = new Set(importsOf(notebook).map((i) => i.local));

    const cells = notebook.cells.filter(isRegularCell);
    const boundByCell = new Map<number, Set<string>>();
    const boundIn = (cell: Cell) => {
      let names = boundByCell.get(cell.index);
      if (!names) boundByCell.set(cell.index, (names = boundNames(notebook.source.slice(cell.start, cell.end))));
      return names;
    };
    // Most mutated names are assigned at the start of a line of their own cell: that line settles
    // it without boundNames (which runs several regular expressions over the whole cell).
    const binds = (cell: Cell, name: string) => assignsAtLineStart(notebook.source.slice(cell.start, cell.end), name) || boundIn(cell).has(name);
    const foreign = (cell: Cell, name: string) =>
      !isPrivateName(name) && !imported.has(name) && !binds(cell, name) && notebook.cells.some((other) => other !== cell && boundIn(other).has(name));
    // Text pass: in most notebooks every mutation touches the cell's own values, and no native
    // query is needed at all.
    const mutatesForeign = (cell: Cell): boolean => {
      const text = notebook.source.slice(cell.start, cell.end);
      if (!HINT.test(text)) return false;
      if (text.includes("inplace")) return true;
      return someMutatedRoot(text, (root) => foreign(cell, root));
    };
    keepClosures("crossCellMutation", boundIn, binds, foreign, mutatesForeign);
    if (!cells.some(mutatesForeign)) return;

    const candidates: Mutation[] = [];
    const checked = new Set<string>();
    // One native query for the whole file: each extra `findAll` call costs a rule compilation.
    for (const node of notebook.root.root().findAll(MUTATIONS)) {
      const start = startOf(node);
      const cell = cellContaining(cells, start);
      if (!cell) continue;
      // Cheap text tests first; most mutations in real notebooks touch the cell's own values.
      const quick = /^(?:del\s+)?\(?\s*([\p{L}_][\p{L}\p{N}_]*)/u.exec(node.text())?.[1];
      if (!quick || checked.has(`${cell.index}:${quick}`) || !foreign(cell, quick)) continue;
      const target = mutatedExpression(node);
      const name = target && rootName(target);
      if (!target || name !== quick) continue;
      if (boundInEnclosingScope(node, name, cell)) continue;
      checked.add(`${cell.index}:${name}`);
      candidates.push({ node, cell, name, label: labelOf(node, target) });
    }
    if (candidates.length === 0) return;

    const flow = context.dataflow();
    for (const mutation of candidates) {
      const vars = flow.variables.get(mutation.cell.index);
      if (!vars || !vars.refs.has(mutation.name) || vars.defs.has(mutation.name)) continue;
      const definer = (flow.definers.get(mutation.name) ?? []).find((i) => i !== mutation.cell.index);
      const fromSetup = definer === undefined && flow.setupNames.has(mutation.name);
      if (definer === undefined && !fromSetup) continue;
      const where = fromSetup ? "the setup cell" : `the cell at line ${notebook.lineOf(notebook.cells[definer!]!.start)}`;
      const { name } = mutation;
      context.report({
        node: mutation.node,
        message: `\`${mutation.label}\` mutates \`${name}\`, defined in ${where}: marimo does not track mutations, so cells reading \`${name}\` are not re-run and re-running this cell repeats the change; mutate it only in its defining cell, or build a new value under a new name`,
      });
    }
  },
});

/** The expression whose value the statement or call changes (`history` in `history.append(x)`). */
function mutatedExpression(node: PyNode): PyNode | undefined {
  switch (node.kind()) {
    case "call": {
      const fn = node.field("function");
      if (fn?.kind() !== "attribute") return undefined;
      const method = fn.field("attribute")?.text() ?? "";
      // `d.update()` without arguments changes nothing (and is usually not a dict: `scaler.update()`).
      if (method === "update" && (node.field("arguments")?.children().filter((c) => c.isNamed()).length ?? 0) === 0) return undefined;
      return fn.field("object") ?? undefined;
    }
    case "assignment":
    case "augmented_assignment": {
      const left = node.field("left");
      if (left?.kind() === "subscript") return left.field("value") ?? undefined;
      if (left?.kind() === "attribute") return left.field("object") ?? undefined;
      return undefined;
    }
    case "delete_statement": {
      const list = node.children().find((c) => c.kind() === "expression_list");
      const target = (list ?? node).children().find((c) => c.kind() === "subscript" || c.kind() === "attribute");
      if (target?.kind() === "subscript") return target.field("value") ?? undefined;
      return target?.field("object") ?? undefined;
    }
    default:
      return undefined;
  }
}

/** The regular cell whose range contains `offset` (cells are in source order). */
function cellContaining(cells: readonly Cell[], offset: number): Cell | undefined {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cell = cells[mid]!;
    if (offset < cell.start) hi = mid - 1;
    else if (offset > cell.end) lo = mid + 1;
    else return cell;
  }
  return undefined;
}

/** `results["train"].items` → `results`; undefined when the chain starts with a call or literal. */
function rootName(expression: PyNode): string | undefined {
  let node: PyNode | null = expression;
  for (let depth = 0; node && depth < 32; depth++) {
    const kind = node.kind();
    if (kind === "identifier") return node.text();
    if (kind === "attribute") node = node.field("object");
    else if (kind === "subscript") node = node.field("value");
    else if (kind === "parenthesized_expression") node = node.children().find((c) => c.isNamed()) ?? null;
    else return undefined;
  }
  return undefined;
}

/** Whether a function, lambda, class or comprehension around `node` (inside the cell) binds `name`. */
function boundInEnclosingScope(node: PyNode, name: string, cell: Cell): boolean {
  const word = escapeRegex(name);
  const binds = new RegExp(
    `(?<![\\w.])${word}\\s*(?::[^=\\n]+)?=(?!=)|\\bfor\\s+[^\\n]*?(?<![\\w.])${word}(?!\\w)[^\\n]*?\\s+in\\b|\\bas\\s+${word}(?!\\w)|\\b(?:def|class)\\s+${word}(?!\\w)|(?<![\\w.])${word}\\s*,[^\\n=]*=(?!=)|,\\s*${word}\\s*(?:,[^\\n=]*)?=(?!=)|${word}\\s*:=`,
    "u",
  );
  // Stop at the cell's own `def`: its parameters are the cell's refs, not local bindings.
  for (let scope = node.parent(); scope && startOf(scope) >= cell.signatureEnd; scope = scope.parent()) {
    if (!SCOPE_KINDS.has(String(scope.kind()))) continue;
    if (new RegExp(`\\b(?:global|nonlocal)\\s+[^\\n]*\\b${word}\\b`, "u").test(scope.text())) return false;
    const params = scope.field("parameters")?.text() ?? "";
    if (new RegExp(`(?<![\\w.])\\*{0,2}${word}(?!\\w)`, "u").test(params)) return true;
    if (binds.test(scope.kind() === "function_definition" || scope.kind() === "class_definition" ? (scope.field("body")?.text() ?? "") : scope.text())) return true;
  }
  return false;
}

const IDENTIFIER = new RegExp(ID, "g");
/**
 * What a binding pattern's group holds: one identifier, identifiers separated by commas (so one
 * identifier when there is no comma), or any text whose identifiers are the names.
 */
type BoundGroup = "name" | "names" | "text";
/** Each pattern with a substring that must occur for it to match (skips most regex scans). */
const BINDINGS: ReadonlyArray<readonly [string, RegExp, BoundGroup]> = [
  // `x = ...`, `x: T = ...`, `a, b = ...` at the start of a line
  ["=", new RegExp(`^[ \\t]*((?:${ID}\\s*,\\s*)*${ID})\\s*(?:,\\s*)?(?::[^=\\n]+)?=(?!=)`, "gm"), "names"],
  // Words separated by blanks, not a class holding both: a `for` followed by thousands of blanks
  // (the end of a docstring line) would take cubic time.
  ["for", new RegExp(`\\bfor\\s+([\\w${NON_ASCII_NON_BLANK},()]+(?:\\s+[\\w${NON_ASCII_NON_BLANK},()]+)*?)\\s+in\\b`, "g"), "text"],
  ["as", new RegExp(`\\bas\\s+(${ID})`, "g"), "name"],
  ["def", new RegExp(`\\bdef\\s+(${ID})`, "g"), "name"],
  ["class", new RegExp(`\\bclass\\s+(${ID})`, "g"), "name"],
  ["global", new RegExp(`\\bglobal\\s+(${ID})`, "g"), "name"],
  [":=", new RegExp(`(${ID})\\s*:=`, "g"), "name"],
];

/**
 * Whether a line of `text` is `name = ...`: indentation, the name, spaces or tabs, then `=` but not
 * `==`. Then boundNames(text) has `name`: its first pattern binds it, alone or at the end of a
 * comma-separated target list that reaches this line. Only lines after "\n" count: after a lone
 * "\r", the `[^=\n]+` of an annotation on the line before (`x: T\r`) could swallow the line.
 * `name` is an identifier (letters, digits, `_`).
 */
function assignsAtLineStart(text: string, name: string): boolean {
  if (name === "") return false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    let lineStart = at;
    while (lineStart > 0 && (text[lineStart - 1] === " " || text[lineStart - 1] === "\t")) lineStart--;
    if (lineStart > 0 && text[lineStart - 1] !== "\n") continue;
    let after = at + name.length;
    while (text[after] === " " || text[after] === "\t") after++;
    if (text[after] === "=" && text[after + 1] !== "=") return true;
  }
  return false;
}

/**
 * Names a cell's text binds (assignments, loop targets, `as`, `def`, `class`, walrus), found with
 * a few regular expressions instead of a tree walk. It may over-approximate (a keyword argument
 * alone on its line); the dataflow confirms every report.
 */
function boundNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const [needle, pattern, group] of BINDINGS) {
    if (!text.includes(needle)) continue;
    // exec loop rather than matchAll (no iterator per call); no match is empty.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const bound = match[1]!;
      if (group === "name" || (group === "names" && !bound.includes(","))) names.add(bound);
      else for (const name of bound.match(IDENTIFIER) ?? []) names.add(name);
    }
  }
  return names;
}

function labelOf(node: PyNode, target: PyNode): string {
  const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text).replace(/\s+/g, " ");
  switch (node.kind()) {
    case "call": {
      const fn = node.field("function")!;
      const method = fn.field("attribute")?.text() ?? "";
      if (!new RegExp(MUTATING_METHOD).test(method)) return `${shorten(fn.text())}(..., inplace=True)`;
      const hasArguments = (node.field("arguments")?.children().filter((c) => c.isNamed()).length ?? 0) > 0;
      return `${shorten(target.text())}.${method}(${hasArguments ? "..." : ""})`;
    }
    case "assignment":
      return `${shorten(node.field("left")!.text())} = ...`;
    case "augmented_assignment": {
      const operator = node.children().find((c) => !c.isNamed())?.text() ?? "+=";
      return `${shorten(node.field("left")!.text())} ${operator} ...`;
    }
    default:
      return shorten(node.text());
  }
}
