// The marimo notebook model: one parse of a file into its header, app, setup cell, cells and
// run guard, with the range of every part. Knows nothing of rules.
//
// Built from the module's top-level children only; everything inside a cell (its body
// statements, return, signature, indentation) is read from the tree on first use, since most
// rules look inside few cells and every node access is a call into native code.
import { endOf, parsePython, startOf, syntaxProblems, type Matcher, type PyNode, type PyRoot } from "./python.js";
import { keepShape } from "./shapes.js";
import { tokenProblem } from "./tokens.js";
import { detectLineEnding, endBeforeLineBreak, indentationAt, lineNumberAt, lineStarts, type LineEnding } from "./text.js";

export type CellKind = "cell" | "function" | "class" | "setup" | "unparsable";

export interface Cell {
  /** Position among all cells of the file, setup cell included. */
  readonly index: number;
  readonly kind: CellKind;
  /** Function name (`_`, `__`, a real name), or `setup` / `_` for the special kinds. */
  readonly name: string;
  readonly isAsync: boolean;
  /** The whole top-level statement: decorators through the end of the body. */
  readonly node: PyNode;
  readonly start: number;
  readonly end: number;
  /** The `function_definition` (cells, functions), class or with statement. */
  readonly definition: PyNode | undefined;
  /** From `async`/`def` through the `:` that ends the signature (cells only). */
  readonly signatureStart: number;
  readonly signatureEnd: number;
  /** The body block (for `with app.setup:` too). */
  readonly body: PyNode | undefined;
  /** Body statements in order, without comments and without the trailing `return`. */
  readonly statements: readonly PyNode[];
  /** The cell's final `return` statement, when it has one. */
  readonly returnStatement: PyNode | undefined;
  /** Indentation of the first body line (`"    "`, `"\t"`, or `""` for one-line defs). */
  readonly bodyIndent: string;
  /** Decorator keyword arguments as written, e.g. `hide_code=True`. */
  readonly options: string;
}

export interface Notebook {
  readonly source: string;
  readonly root: PyRoot;
  readonly lineEnding: LineEnding;
  readonly cells: readonly Cell[];
  /** The setup cell, when the file has one. */
  readonly setup: Cell | undefined;
  /** Offset where the first cell starts (end of the app constructor area). */
  readonly appEnd: number;
  /** The run guard as marimo finds it (see `isRunGuard`), when present: no cell comes after it. */
  readonly runGuard: PyNode | undefined;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
}

export type NotebookParseResult =
  | { ok: true; notebook: Notebook }
  | { ok: false; reason: "not-marimo" | "syntax-error"; line?: number; message: string };

/** A cell decorator's expression (without the `@` and any comment after it). */
const CELL_DECORATOR = /^app\.(cell|function|class_definition)\s*(?:\(([\s\S]*)\))?$/;
/** Cheap first test for a setup cell; `isSetupBlock` decides. */
const SETUP_WITH = /^(?:async\s+)?with\s*\(?\s*app\s*\.\s*setup\b/;
/**
 * Whether marimo takes this `if` statement for its run guard, `if __name__ == "__main__":
 * app.run()`; it reads no cell after it. marimo compares syntax trees (`is_equal_ast`) but
 * stops at the first field, so any `if` whose test compares `__name__` (first, parentheses
 * aside) with anything is a guard for it, whatever the body.
 */
function isRunGuard(node: PyNode): boolean {
  const test = withoutParentheses(node.field("condition"));
  if (test?.kind() !== "comparison_operator") return false;
  const left = withoutParentheses(test.child(0));
  return left?.kind() === "identifier" && left.text() === "__name__";
}

/**
 * Whether marimo takes this `with` statement for the setup cell (its `is_setup_cell`): `with` or
 * `async with`, one item, whose expression (an `as` target aside) is `app.setup` or a call of it
 * (`app.setup(hide_code=True)`).
 */
function isSetupBlock(node: PyNode): boolean {
  if (!SETUP_WITH.test(node.text())) return false;
  const items = node.children().find((c) => c.kind() === "with_clause")?.children().filter((c) => c.kind() === "with_item") ?? [];
  if (items.length !== 1) return false;
  let expression = withoutParentheses(items[0]!.child(0));
  if (expression?.kind() === "as_pattern") expression = withoutParentheses(expression.child(0));
  while (expression?.kind() === "call") expression = withoutParentheses(expression.field("function"));
  if (expression?.kind() !== "attribute") return false;
  const object = withoutParentheses(expression.field("object"));
  return object?.kind() === "identifier" && object.text() === "app" && expression.field("attribute")?.text() === "setup";
}

function withoutParentheses(node: PyNode | null | undefined): PyNode | undefined {
  while (node?.kind() === "parenthesized_expression") node = node.children().find((c) => c.isNamed() && c.kind() !== "comment");
  return node ?? undefined;
}

/** The header lines of a notebook, as text: what the tree shows unless a syntax error hides them. */
const NOTEBOOK_IMPORT_LINE = /^import[ \t]+marimo[ \t]*(?:#.*)?\r?$/m;
const NOTEBOOK_APP_LINE = /^app[ \t]*=[ \t]*marimo\.App[ \t]*\(/m;

/** Parses a marimo notebook. Reports a file that is not a notebook, or that does not parse. */
export function parseNotebook(source: string): NotebookParseResult {
  const root = parsePython(source);
  const module = root.root();
  const top = module.children();
  const kinds = top.map((n) => n.kind());

  // Cheap text tests first: most top-level statements are cells, which need neither.
  const importsMarimo =
    source.includes("marimo") && top.some((n, i) => kinds[i] === "import_statement" && /^import\s+marimo\s*$/.test(n.text()));
  const appNode = importsMarimo
    ? top.find((n, i) => kinds[i] === "expression_statement" && /^app\s*=\s*marimo\.App\s*\(/.test(n.text()))
    : undefined;
  const notMarimo = { ok: false, reason: "not-marimo", message: "not a marimo notebook (no `import marimo` and `app = marimo.App(...)`)" } as const;
  // A syntax error can hide the header from the tree (an unclosed bracket above it swallows it
  // into an ERROR node): a file whose lines say it is a notebook is then a broken notebook, to be
  // reported as one, not skipped quietly as some other script.
  if ((!importsMarimo || !appNode) && !(NOTEBOOK_IMPORT_LINE.test(source) && NOTEBOOK_APP_LINE.test(source))) return notMarimo;

  // Tree-sitter's error nodes, then what its error recovery accepts but CPython rejects (an
  // indentation error, a line that ends in an operator, `print "x"`...): the first of either.
  const problems = syntaxProblems(module);
  const tokenError = tokenProblem(source);
  if (problems.length > 0 || tokenError !== undefined) {
    const at = Math.min(problems.length > 0 ? startOf(problems[0]!) : source.length, tokenError ?? source.length);
    return { ok: false, reason: "syntax-error", line: lineNumberAt(lineStarts(source), at), message: "syntax error" };
  }
  if (!importsMarimo || !appNode) return notMarimo;

  const cells: Cell[] = [];
  let runGuard: PyNode | undefined;
  const topLevel: TopLevel[] = [];
  for (const node of top) {
    const range = node.range();
    topLevel.push({ node, start: range.start.index, end: endBeforeLineBreak(source, range.end.index) });
  }
  const flowKeywords = flowKeywordOffsets(source);
  for (let i = 0; i < top.length; i++) {
    const node = top[i]!;
    const kind = kinds[i];
    if (kind === "decorated_definition") {
      const cell = readDecoratedCell(topLevel[i]!, source, cells.length, flowKeywords);
      if (cell) cells.push(cell);
    } else if (kind === "with_statement" && cells.length === 0 && isSetupBlock(node)) {
      // Only before every other cell, as marimo reads it: a later one is a stray statement.
      cells.push(new SetupCell(cells.length, node, topLevel[i]!.start, topLevel[i]!.end, source));
    } else if (kind === "expression_statement" && /^app\._unparsable_cell\s*\(/.test(node.text())) {
      cells.push(readUnparsableCell(topLevel[i]!, cells.length));
    } else if (kind === "if_statement" && isRunGuard(node)) {
      runGuard = node;
      break;
    }
  }

  const notebook = new ParsedNotebook(source, root, cells, endOf(appNode), runGuard);
  topLevelCache.set(notebook, topLevel);
  return { ok: true, notebook };
}

/**
 * Notebooks and cells are classes, not object literals with getters: V8 keeps a literal with
 * accessors in dictionary mode, so every read of `notebook.source` or `cell.start` (rules make
 * millions) was a hash lookup, and the optimized code that reads them was thrown away at
 * every collection. Class instances share one map.
 */
class ParsedNotebook implements Notebook {
  readonly setup: Cell | undefined;
  private starts: number[] | undefined = undefined;
  private detectedLineEnding: LineEnding | undefined = undefined;

  constructor(
    readonly source: string,
    readonly root: PyRoot,
    readonly cells: readonly Cell[],
    readonly appEnd: number,
    readonly runGuard: PyNode | undefined,
  ) {
    this.setup = cells.find((c) => c.kind === "setup");
    keepShape(this);
  }

  get lineEnding(): LineEnding {
    return (this.detectedLineEnding ??= detectLineEnding(this.source));
  }

  /** An arrow function, so that it may be taken out of the notebook (`const { lineOf } = notebook`). */
  readonly lineOf = (offset: number): number => lineNumberAt((this.starts ??= lineStarts(this.source)), offset);
}

interface BodyParts {
  readonly statements: readonly PyNode[];
  readonly returnStatement: PyNode | undefined;
  /** The first named child of the body, comments included. */
  readonly firstBody: PyNode | undefined;
}

/** Body statements without comments; the trailing `return` split off when `splitReturn`. */
function bodyParts(body: PyNode | undefined, splitReturn: boolean): BodyParts {
  if (!body) return { statements: [], returnStatement: undefined, firstBody: undefined };
  const children = body.namedChildren();
  const statements: PyNode[] = [];
  let lastKind: unknown;
  for (const child of children) {
    const kind = child.kind();
    if (kind === "comment") continue;
    statements.push(child);
    lastKind = kind;
  }
  let returnStatement: PyNode | undefined;
  if (splitReturn && lastKind === "return_statement") returnStatement = statements.pop();
  return { statements, returnStatement, firstBody: children[0] };
}

/**
 * A cell header whose body certainly starts on its own, indented line: `@app.cell` (with plain
 * options), then `def _(params):` with plain parameters (no brackets, strings, comments or
 * continuations to hide a colon or a line break), then blank lines and an indented line that
 * starts the first statement. Most cells are written so: their indentation is read from the
 * text, without the tree.
 */
const PLAIN_CELL_HEADER =
  /@app\.cell(?:\([^()"'#\\]*\))?[ \t]*\r?\n(?:async[ \t]+)?def[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*\([^()"'#\\]*\)[ \t]*(?:->[ \t]*[A-Za-z_][A-Za-z0-9_.]*[ \t]*)?:[ \t]*\r?\n(?:[ \t]*\r?\n)*([ \t]+)[^ \t\r\n#\\]/y;

/**
 * Where the `:` that ends a definition's signature ends. After a function's parameters only
 * `-> type` or the colon can follow: when blanks and the colon do, the text says where it is,
 * without listing the definition's children.
 */
function signatureColonEnd(def: PyNode, isFunction: boolean, source: string): number | undefined {
  const parameters = isFunction ? def.field("parameters") : null;
  if (parameters) {
    let at = endOf(parameters);
    while (source.charCodeAt(at) === 32 || source.charCodeAt(at) === 9) at++;
    if (source.charCodeAt(at) === 58) return at + 1;
  }
  const colon = def.children().find((c) => c.kind() === ":");
  return colon ? endOf(colon) : undefined;
}

/**
 * The body's first named child (comments included), without listing all the statements when
 * they are not listed yet: a block's children are all named, so its first child is the one.
 */
function firstBodyChild(body: PyNode | undefined, parts: () => BodyParts): PyNode | undefined {
  if (!body) return undefined;
  const first = body.child(0);
  return first === null || first.isNamed() ? (first ?? undefined) : parts().firstBody;
}

/** `return` and `yield` as words: the only cells that can hold a stray one (see `strayReturn`). */
const FLOW_KEYWORD = /\b(?:return|yield)\b/g;

/** Offsets of `return` and `yield` words in the source, in order (strings and comments too). */
function flowKeywordOffsets(source: string): number[] {
  const offsets: number[] = [];
  if (!source.includes("yield") && !/\breturn\b[\s\S]*\breturn\b/.test(source)) return offsets;
  FLOW_KEYWORD.lastIndex = 0;
  for (let m = FLOW_KEYWORD.exec(source); m; m = FLOW_KEYWORD.exec(source)) offsets.push(m.index);
  return offsets;
}

const RETURN_OR_YIELD: Matcher = { rule: { any: [{ kind: "return_statement" }, { kind: "yield" }] } };
const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);

/**
 * Whether a regular cell's function holds a `return` (other than its last statement) or a
 * `yield` of its own, outside nested functions and classes: marimo takes the body as the cell's
 * code, where such a statement is "'return' outside function" (its MB005), and loads the cell as
 * unparsable. Only cells with a second `return` word, or a `yield` word, are queried.
 */
function strayReturn(definition: PyNode, start: number, end: number, flowKeywords: readonly number[], source: string): boolean {
  let words = 0;
  let yields = false;
  for (const at of flowKeywords) {
    if (at < start) continue;
    if (at >= end) break;
    words++;
    if (source.charCodeAt(at) === 121 /* y */) yields = true;
  }
  if (words < 2 && !yields) return false;
  const body = definition.field("body");
  if (!body) return false;
  const last = body.namedChildren().filter((c) => c.kind() !== "comment").at(-1);
  const lastStart = last?.kind() === "return_statement" ? startOf(last) : -1;
  const definitionStart = startOf(definition);
  for (const statement of body.findAll(RETURN_OR_YIELD)) {
    if (startOf(statement) === lastStart) continue;
    let scope = statement.parent();
    while (scope && !SCOPES.has(String(scope.kind()))) scope = scope.parent();
    if (scope && scope.kind() === "function_definition" && startOf(scope) === definitionStart) return true;
  }
  return false;
}

function readDecoratedCell({ node, start, end }: TopLevel, source: string, index: number, flowKeywords: readonly number[]): Cell | undefined {
  const children = node.children();
  let cellKind: CellKind | undefined;
  let options = "";
  let definition: PyNode | undefined;
  for (const child of children) {
    const kind = child.kind();
    if (kind === "function_definition" || kind === "class_definition") {
      definition = child;
      continue;
    }
    if (cellKind || kind !== "decorator") continue;
    // A comment after the decorator (`@app.cell  # plots`) is a child of the decorator node.
    const expression = child.children().find((c) => c.isNamed() && c.kind() !== "comment");
    const match = expression && CELL_DECORATOR.exec(expression.text());
    if (!match) continue;
    cellKind = match[1] === "cell" ? "cell" : match[1] === "function" ? "function" : "class";
    options = (match[2] ?? "").trim();
  }
  if (!cellKind || !definition) return undefined;
  if (cellKind === "cell" && definition.kind() === "function_definition" && strayReturn(definition, start, end, flowKeywords, source)) cellKind = "unparsable";
  return new DecoratedCell(index, cellKind, node, start, end, definition, options, source);
}

/** Whether a lazily read value was read (`null`: read, and absent). */
type Memo<T> = T | null | undefined;

/** A cell's body block and statements, read from the tree on first use. */
abstract class CellWithBody {
  private bodyNode: Memo<PyNode> = undefined;
  private parts: BodyParts | undefined = undefined;

  /** The node whose `body` field is the cell's block. */
  protected abstract bodyOwner(): PyNode;
  /** Whether a trailing `return` is split off the statements (regular cells). */
  protected abstract splitsReturn(): boolean;

  get body(): PyNode | undefined {
    if (this.bodyNode === undefined) this.bodyNode = this.bodyOwner().field("body");
    return this.bodyNode ?? undefined;
  }
  protected bodyParts(): BodyParts {
    return (this.parts ??= bodyParts(this.body, this.splitsReturn()));
  }
  get statements(): readonly PyNode[] {
    return this.bodyParts().statements;
  }
}

/** A `@app.cell`, `@app.function` or `@app.class_definition`: its parts read on first use. */
class DecoratedCell extends CellWithBody implements Cell {
  private readonly isFunction: boolean;
  private cellName: string | undefined = undefined;
  private defStart = -1;
  private colonEnd: Memo<number> = undefined;
  private indent: string | undefined = undefined;

  constructor(
    readonly index: number,
    readonly kind: CellKind,
    readonly node: PyNode,
    readonly start: number,
    readonly end: number,
    readonly definition: PyNode,
    readonly options: string,
    private readonly source: string,
  ) {
    super();
    this.isFunction = definition.kind() === "function_definition";
    keepShape(this);
  }

  protected bodyOwner(): PyNode {
    return this.definition;
  }
  protected splitsReturn(): boolean {
    return this.kind === "cell" && this.isFunction;
  }

  get name(): string {
    return (this.cellName ??= this.definition.field("name")?.text() ?? "_");
  }
  get signatureStart(): number {
    if (this.defStart < 0) this.defStart = startOf(this.definition);
    return this.defStart;
  }
  /** The definition starts with its first token, `async` or `def` (`class`). */
  get isAsync(): boolean {
    return this.source.startsWith("async", this.signatureStart);
  }
  /** End of the `:` that ends the signature, when there is one. */
  private signatureColonEnd(): number | undefined {
    if (this.colonEnd === undefined) this.colonEnd = signatureColonEnd(this.definition, this.isFunction, this.source) ?? null;
    return this.colonEnd ?? undefined;
  }
  get signatureEnd(): number {
    return this.signatureColonEnd() ?? this.signatureStart;
  }
  get returnStatement(): PyNode | undefined {
    return this.bodyParts().returnStatement;
  }
  get bodyIndent(): string {
    return (this.indent ??= this.readBodyIndent());
  }
  private readBodyIndent(): string {
    PLAIN_CELL_HEADER.lastIndex = this.start;
    const plain = PLAIN_CELL_HEADER.exec(this.source);
    if (plain) return plain[1]!;
    const first = firstBodyChild(this.body, () => this.bodyParts());
    const colon = this.signatureColonEnd();
    return first && colon !== undefined && this.source.lastIndexOf("\n", startOf(first)) >= colon ? indentationAt(this.source, startOf(first)) : "";
  }
}

/** `with app.setup:` (or `async with`, when its code awaits): its body read on first use. */
class SetupCell extends CellWithBody implements Cell {
  readonly kind = "setup";
  readonly name = "setup";
  readonly returnStatement = undefined;
  readonly options = "";

  constructor(
    readonly index: number,
    readonly node: PyNode,
    readonly start: number,
    readonly end: number,
    private readonly source: string,
  ) {
    super();
    keepShape(this);
  }

  get isAsync(): boolean {
    return this.source.startsWith("async", this.start);
  }

  protected bodyOwner(): PyNode {
    return this.node;
  }
  protected splitsReturn(): boolean {
    return false;
  }

  get definition(): PyNode {
    return this.node;
  }
  get signatureStart(): number {
    return this.start;
  }
  get signatureEnd(): number {
    const body = this.body;
    return body ? startOf(body) : this.end;
  }
  get bodyIndent(): string {
    const first = firstBodyChild(this.body, () => this.bodyParts());
    return first ? indentationAt(this.source, startOf(first)) : "";
  }
}

function readUnparsableCell({ node, start, end }: TopLevel, index: number): Cell {
  return {
    index,
    kind: "unparsable",
    name: "_",
    isAsync: false,
    node,
    start,
    end,
    definition: undefined,
    signatureStart: start,
    signatureEnd: start,
    body: undefined,
    statements: [],
    returnStatement: undefined,
    bodyIndent: "",
    options: "",
  };
}

/** The cell whose range contains `offset`, if any (binary search: cells are in source order). */
export function cellAt(notebook: Notebook, offset: number): Cell | undefined {
  const cells = notebook.cells;
  let lo = 0;
  let hi = cells.length - 1;
  // The last cell that starts at or before `offset`.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cells[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  // Cells are distinct top-level statements: they never overlap.
  const cell = cells[lo];
  return cell && cell.start <= offset && offset <= cell.end ? cell : undefined;
}

interface TopLevel {
  readonly node: PyNode;
  readonly start: number;
  readonly end: number;
}

/** The module's top-level statements (cells, header, run guard, comments), kept from the parse. */
const topLevelCache = new WeakMap<Notebook, readonly TopLevel[]>();

function topLevelOf(notebook: Notebook): readonly TopLevel[] {
  let list = topLevelCache.get(notebook);
  if (!list) {
    // A notebook object not made by parseNotebook (a rule's test double, say).
    list = notebook.root.root().children().map((node) => {
      const range = node.range();
      return { node, start: range.start.index, end: endBeforeLineBreak(notebook.source, range.end.index) };
    });
    topLevelCache.set(notebook, list);
  }
  return list;
}

/**
 * `root.findAll(matcher)` for a matcher that can only match code whose text contains `needle`:
 * only the top-level statements whose text contains it are searched. Same nodes, same order.
 */
export function findAllContaining(notebook: Notebook, needle: string | RegExp, matcher: Matcher): PyNode[] {
  const source = notebook.source;
  if (typeof needle === "string" ? !source.includes(needle) : !needle.test(source)) return [];
  const result: PyNode[] = [];
  for (const { node, start, end } of topLevelOf(notebook)) {
    const text = source.slice(start, end);
    if (typeof needle === "string" ? !text.includes(needle) : !needle.test(text)) continue;
    for (const found of node.findAll(matcher)) result.push(found);
  }
  return result;
}
