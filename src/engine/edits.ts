// Building blocks for fixes: replace a range, insert statements next to a statement (in that
// statement's indentation), insert a cell. Rules write code at column 0 with `\n`; these
// helpers indent it and the engine converts line endings.
import type { Cell, Notebook } from "../notebook/model.js";
import { endOf, startOf, type PyNode } from "../notebook/python.js";
import { indentationAt, lineEndOf, lineStartOf } from "../notebook/text.js";
import type { CellInsertion, TextEdit } from "./types.js";

export function replaceRange(start: number, end: number, text: string): TextEdit {
  return { kind: "text", start, end, text };
}

export function replaceNode(node: PyNode, text: string): TextEdit {
  return replaceRange(startOf(node), endOf(node), text);
}

/** Prefixes every non-blank line of `code` with `indent`. */
export function indentLines(code: string, indent: string): string {
  return code
    .split("\n")
    .map((line) => (line.trim() === "" ? "" : indent + line))
    .join("\n");
}

/** Inserts `code` as new lines right after the line on which `node` ends, at `node`'s indentation. */
export function insertLinesAfter(notebook: Notebook, node: PyNode, code: string, indent?: string): TextEdit {
  const source = notebook.source;
  const at = lineEndOf(source, endOf(node));
  const lineIndent = indent ?? indentationAt(source, startOf(node));
  return { kind: "text", start: at, end: at, text: "\n" + indentLines(code, lineIndent) };
}

/** Inserts `code` as new lines before the line on which `node` starts, at `node`'s indentation. */
export function insertLinesBefore(notebook: Notebook, node: PyNode, code: string, indent?: string): TextEdit {
  const source = notebook.source;
  const at = lineStartOf(source, startOf(node));
  const lineIndent = indent ?? indentationAt(source, startOf(node));
  return { kind: "text", start: at, end: at, text: indentLines(code, lineIndent) + "\n" };
}

/** Inserts statements at the top of a cell body, before its first statement or comment. */
export function insertAtCellStart(notebook: Notebook, cell: Cell, code: string): TextEdit | undefined {
  const first = cell.body?.namedChildren()[0];
  if (!first) return undefined;
  return insertLinesBefore(notebook, first, code, cell.bodyIndent || "    ");
}

export function insertCell(anchor: Cell, where: "before" | "after", code: string, options?: string): CellInsertion {
  return { kind: "cell", anchor: anchor.index, where, code, ...(options ? { options } : {}) };
}

/** The indentation unit a cell uses for nested blocks (tab or spaces), from its body indent. */
export function indentUnit(cell: Cell): string {
  return cell.bodyIndent.startsWith("\t") ? "\t" : "    ";
}
