// Applies a set of non-overlapping edits with magic-string, then rewrites the signature and
// return of every cell whose canonical form the edits changed (and of every cell they touched),
// leaving all other bytes as they were.
import MagicString from "magic-string";
import { cellCode, formatCellDecorator, formatCellDefinition, formatReturn, formatSignature, indentText } from "../notebook/codegen.js";
import { computeDataflow, type Dataflow } from "../notebook/dataflow.js";
import { parseNotebook, type Cell, type Notebook } from "../notebook/model.js";
import { endOf } from "../notebook/python.js";
import { withLineEnding } from "../notebook/text.js";
import type { CellInsertion, Edit } from "./types.js";

export interface AppliedEdits {
  readonly source: string;
  /** For each cell of the new source: the old cell index it came from, or -1 for a new cell. */
  readonly origin: readonly number[];
  /** Old cell indexes that an edit changed. */
  readonly touched: ReadonlySet<number>;
}

/** Writes the edits into the source. Edits must not overlap (the fix loop guarantees it). */
export function applyEdits(notebook: Notebook, edits: readonly Edit[]): AppliedEdits {
  const eol = notebook.lineEnding;
  const ms = new MagicString(notebook.source);
  const touched = new Set<number>();
  const before = new Map<number, CellInsertion[]>();
  const after = new Map<number, CellInsertion[]>();

  for (const edit of edits) {
    if (edit.kind === "text") {
      const text = withLineEnding(edit.text, eol);
      if (edit.start === edit.end) ms.appendLeft(edit.start, text);
      else ms.overwrite(edit.start, edit.end, text);
      const cell = notebook.cells.find((c) => c.start <= edit.start && edit.end <= c.end);
      if (cell) touched.add(cell.index);
      continue;
    }
    const anchor = notebook.cells[edit.anchor];
    if (!anchor) continue;
    const block = withLineEnding(newCellText(edit), eol);
    const sep = eol + eol + eol;
    if (edit.where === "after") {
      ms.appendLeft(anchor.end, sep + block);
      pushTo(after, edit.anchor, edit);
    } else {
      ms.appendLeft(anchor.start, block + sep);
      pushTo(before, edit.anchor, edit);
    }
  }

  const origin: number[] = [];
  for (const cell of notebook.cells) {
    for (let i = 0; i < (before.get(cell.index)?.length ?? 0); i++) origin.push(-1);
    origin.push(cell.index);
    for (let i = 0; i < (after.get(cell.index)?.length ?? 0); i++) origin.push(-1);
  }
  return { source: ms.toString(), origin, touched };
}

function pushTo(map: Map<number, CellInsertion[]>, key: number, value: CellInsertion): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A placeholder cell; its signature and return are regenerated right after. */
function newCellText(insertion: CellInsertion): string {
  const decorator = insertion.options ? `@app.cell(${insertion.options})` : "@app.cell";
  const body = insertion.code
    .split("\n")
    .map((line) => (line.trim() === "" ? "" : "    " + line))
    .join("\n");
  return `${decorator}\ndef _():\n${body}\n    return`;
}

interface CanonicalHeader {
  readonly signature: string;
  readonly returns: string;
}

function canonicalHeader(cell: Cell, dataflow: Dataflow): CanonicalHeader {
  const isAsync = dataflow.variables.get(cell.index)?.hasTopLevelAwait ?? cell.isAsync;
  return {
    signature: formatSignature(cell.name, dataflow.params(cell), isAsync),
    returns: formatReturn(dataflow.returns(cell)),
  };
}

/**
 * The text before a cell's `def`, LF line endings: its decorator (the model reads the options),
 * maybe a comment after it, then blank or comment-only lines.
 */
const CELL_DECORATOR_LINES = /^@app\.cell[ \t]*(?:\([^()#]*\))?[ \t]*(#[^\n]*)?\n((?:[ \t]*(?:#[^\n]*)?\n)*)$/;

interface CellHead {
  /** The decorator as marimo writes it. */
  readonly decorator: string;
  /** Comments on or below the decorator, which marimo would not keep there. */
  readonly comments: string[];
}

/**
 * How marimo writes the text before the `def` of a cell this rewrites: its `to_decorator` (no
 * trailing spaces, blank line, `@app.cell()` or default option), and nothing else. A comment
 * there would be dropped by marimo's save; it moves to the top of the cell's code, where marimo
 * keeps it. Undefined when that text holds more (another decorator) or options this cannot
 * read: it stays as it was.
 */
function cellHead(cell: Cell, source: string): CellHead | undefined {
  const written = source.slice(cell.start, cell.signatureStart).replace(/\r\n/g, "\n");
  const match = CELL_DECORATOR_LINES.exec(written);
  const decorator = match ? formatCellDecorator(cell.options) : undefined;
  if (!match || decorator === undefined) return undefined;
  const comments = [match[1] ?? "", ...match[2]!.split("\n")].map((line) => line.trim()).filter((line) => line !== "");
  return { decorator, comments };
}

export type RegenerateResult =
  | { ok: true; source: string; notebook: Notebook; dataflow: Dataflow; touchedCells: number[] }
  | { ok: false; reason: string };

/**
 * Given the notebook before the edits and the edited source, regenerates the signature and
 * return of touched cells and of cells whose canonical signature or return changed.
 */
export function regenerateCells(before: Notebook, beforeFlow: Dataflow, applied: AppliedEdits): RegenerateResult {
  const parsed = parseNotebook(applied.source);
  if (!parsed.ok) return { ok: false, reason: parsed.line ? `${parsed.message} at line ${parsed.line}` : parsed.message };
  const notebook = parsed.notebook;
  if (notebook.cells.length !== applied.origin.length) {
    return { ok: false, reason: `expected ${applied.origin.length} cells after the edit, found ${notebook.cells.length}` };
  }
  const flow = computeDataflow(notebook);
  const ms = new MagicString(notebook.source);
  const rewritten: number[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind === "setup") {
      // marimo writes the setup cell's code re-indented by four spaces, like a cell body.
      const from = applied.origin[cell.index]!;
      const colon = cell.node.children().find((c) => c.kind() === ":");
      if (from === -1 || !applied.touched.has(from) || cell.bodyIndent === "    " || cell.bodyIndent === "" || !colon) continue;
      const bodyLine = notebook.source.indexOf("\n", endOf(colon)) + 1;
      if (bodyLine === 0) continue;
      const code = cellCode(cell, notebook.source, endOf(colon));
      ms.overwrite(bodyLine, cell.end, withLineEnding(indentText(code), notebook.lineEnding));
      rewritten.push(cell.index);
      continue;
    }
    if (cell.kind !== "cell") continue;
    const from = applied.origin[cell.index]!;
    const now = canonicalHeader(cell, flow);
    let needs = from === -1 || applied.touched.has(from);
    if (!needs) {
      const old = before.cells[from]!;
      const was = canonicalHeader(old, beforeFlow);
      needs = was.signature !== now.signature || was.returns !== now.returns;
    }
    if (!needs) continue;
    const isAsync = flow.variables.get(cell.index)?.hasTopLevelAwait ?? cell.isAsync;
    const head = cellHead(cell, notebook.source);
    const text = formatCellDefinition(cell, notebook.source, flow.params(cell), flow.returns(cell), isAsync, head?.comments);
    if (head) ms.overwrite(cell.start, cell.signatureStart, withLineEnding(`${head.decorator}\n`, notebook.lineEnding));
    ms.overwrite(cell.signatureStart, cell.end, withLineEnding(text, notebook.lineEnding));
    rewritten.push(cell.index);
  }
  if (rewritten.length === 0) return { ok: true, source: notebook.source, notebook, dataflow: flow, touchedCells: [] };
  const source = ms.toString();
  const reparsed = parseNotebook(source);
  if (!reparsed.ok) return { ok: false, reason: `regenerated cells do not parse (${reparsed.message})` };
  return { ok: true, source, notebook: reparsed.notebook, dataflow: computeDataflow(reparsed.notebook), touchedCells: rewritten };
}
