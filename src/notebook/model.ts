// The marimo notebook model: one parse of a file into its header, app, setup cell, cells and
// run guard, with the range of every part. Knows nothing of rules.
import { endOf, parsePython, startOf, syntaxProblems, type PyNode, type PyRoot } from "./python.js";
import { detectLineEnding, indentationAt, lineNumberAt, lineStarts, type LineEnding } from "./text.js";

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
  /** The `if __name__ == "__main__":` guard, when present. */
  readonly runGuard: PyNode | undefined;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
}

export type NotebookParseResult =
  | { ok: true; notebook: Notebook }
  | { ok: false; reason: "not-marimo" | "syntax-error"; line?: number; message: string };

const CELL_DECORATOR = /^@app\.(cell|function|class_definition)\s*(?:\(([\s\S]*)\))?\s*$/;
const SETUP_WITH = /^with\s+app\.setup\s*(?:\([\s\S]*\))?\s*:/;
const RUN_GUARD = /^if\s+__name__\s*==\s*["']__main__["']\s*:/;

/** Parses a marimo notebook. Reports a file that is not a notebook, or that does not parse. */
export function parseNotebook(source: string): NotebookParseResult {
  const root = parsePython(source);
  const module = root.root();
  const top = module.children();

  const importsMarimo = top.some(
    (n) => n.kind() === "import_statement" && /^import\s+marimo\s*$/.test(n.text()),
  );
  const appNode = top.find(
    (n) => n.kind() === "expression_statement" && /^app\s*=\s*marimo\.App\s*\(/.test(n.text()),
  );
  if (!importsMarimo || !appNode) {
    return { ok: false, reason: "not-marimo", message: "not a marimo notebook (no `import marimo` and `app = marimo.App(...)`)" };
  }

  const starts = lineStarts(source);
  const lineOf = (offset: number) => lineNumberAt(starts, offset);
  const problems = syntaxProblems(module);
  if (problems.length > 0) {
    const first = problems[0]!;
    return { ok: false, reason: "syntax-error", line: lineOf(startOf(first)), message: "syntax error" };
  }

  const cells: Cell[] = [];
  let runGuard: PyNode | undefined;
  for (const node of top) {
    const kind = node.kind();
    if (kind === "decorated_definition") {
      const cell = readDecoratedCell(node, source, cells.length);
      if (cell) cells.push(cell);
    } else if (kind === "with_statement" && SETUP_WITH.test(node.text())) {
      cells.push(readSetupCell(node, source, cells.length));
    } else if (kind === "expression_statement" && /^app\._unparsable_cell\s*\(/.test(node.text())) {
      cells.push(readUnparsableCell(node, cells.length));
    } else if (kind === "if_statement" && RUN_GUARD.test(node.text())) {
      runGuard = node;
    }
  }

  return {
    ok: true,
    notebook: {
      source,
      root,
      lineEnding: detectLineEnding(source),
      cells,
      setup: cells.find((c) => c.kind === "setup"),
      appEnd: endOf(appNode),
      runGuard,
      lineOf,
    },
  };
}

function readDecoratedCell(node: PyNode, source: string, index: number): Cell | undefined {
  const children = node.children();
  let cellKind: CellKind | undefined;
  let options = "";
  for (const child of children) {
    if (child.kind() !== "decorator") continue;
    const match = CELL_DECORATOR.exec(child.text());
    if (!match) continue;
    cellKind = match[1] === "cell" ? "cell" : match[1] === "function" ? "function" : "class";
    options = (match[2] ?? "").trim();
    break;
  }
  if (!cellKind) return undefined;
  const definition = node.field("definition");
  if (!definition) return undefined;
  const isFunction = definition.kind() === "function_definition";
  const defChildren = definition.children();
  const isAsync = defChildren[0]?.kind() === "async";
  const colon = defChildren.find((c) => c.kind() === ":");
  const body = definition.field("body") ?? undefined;
  const bodyChildren = body ? body.children().filter((c) => c.isNamed()) : [];
  const statements = bodyChildren.filter((c) => c.kind() !== "comment");
  let returnStatement: PyNode | undefined;
  if (cellKind === "cell" && isFunction && statements.at(-1)?.kind() === "return_statement") {
    returnStatement = statements.pop();
  }
  const firstBody = bodyChildren[0];
  const bodyIndent =
    firstBody && colon && source.lastIndexOf("\n", startOf(firstBody)) >= endOf(colon)
      ? indentationAt(source, startOf(firstBody))
      : "";
  return {
    index,
    kind: cellKind,
    name: definition.field("name")?.text() ?? "_",
    isAsync,
    node,
    start: startOf(node),
    end: endOf(node),
    definition,
    signatureStart: startOf(definition),
    signatureEnd: colon ? endOf(colon) : startOf(definition),
    body,
    statements,
    returnStatement,
    bodyIndent,
    options,
  };
}

function readSetupCell(node: PyNode, source: string, index: number): Cell {
  const body = node.field("body") ?? undefined;
  const bodyChildren = body ? body.children().filter((c) => c.isNamed()) : [];
  const firstBody = bodyChildren[0];
  return {
    index,
    kind: "setup",
    name: "setup",
    isAsync: false,
    node,
    start: startOf(node),
    end: endOf(node),
    definition: node,
    signatureStart: startOf(node),
    signatureEnd: body ? startOf(body) : endOf(node),
    body,
    statements: bodyChildren.filter((c) => c.kind() !== "comment"),
    returnStatement: undefined,
    bodyIndent: firstBody ? indentationAt(source, startOf(firstBody)) : "",
    options: "",
  };
}

function readUnparsableCell(node: PyNode, index: number): Cell {
  return {
    index,
    kind: "unparsable",
    name: "_",
    isAsync: false,
    node,
    start: startOf(node),
    end: endOf(node),
    definition: undefined,
    signatureStart: startOf(node),
    signatureEnd: startOf(node),
    body: undefined,
    statements: [],
    returnStatement: undefined,
    bodyIndent: "",
    options: "",
  };
}

/** The cell whose range contains `offset`, if any. */
export function cellAt(notebook: Notebook, offset: number): Cell | undefined {
  return notebook.cells.find((c) => c.start <= offset && offset <= c.end);
}
