// Whether the cells a fix touched are in the exact form marimo writes when it saves.
import { formatSignature } from "../../src/notebook/codegen.js";
import { parseNotebook } from "../../src/notebook/model.js";

/** Each cell's text (decorator to the end of its function), LF line endings. */
export function cellTexts(source: string): string[] {
  const parsed = parseNotebook(source);
  if (!parsed.ok) throw new Error(`does not parse as a notebook: ${parsed.message}`);
  return parsed.notebook.cells.map((c) => source.slice(c.start, c.end).replace(/\r\n/g, "\n"));
}

/** Names that are `@app.function`s in `saved` (what marimo wrote) but not in `source`. */
function hoistedFunctions(source: string, saved: string): Set<string> {
  // A cell's leading comments stay between the decorator and the `def`.
  const names = (text: string) => new Set([...text.matchAll(/^@app\.function(?:\([^)]*\))?\r?\n(?:[ \t]*#[^\r\n]*\r?\n)*(?:async )?def (\w+)/gm)].map((m) => m[1]!));
  const before = names(source);
  return new Set([...names(saved)].filter((name) => !before.has(name)));
}

/** A cell with `names` taken out of its `def _(...)` parameters, as marimo writes it. */
function withoutParameters(cell: string, names: ReadonlySet<string>): string {
  if (names.size === 0) return cell;
  return cell.replace(/^(async )?def (\w+)\(([^)]*)\):/m, (_, isAsync: string | undefined, name: string, params: string) => {
    const kept = params.split(",").map((p) => p.trim()).filter((p) => p !== "" && !names.has(p));
    return formatSignature(name, kept, isAsync !== undefined);
  });
}

/**
 * The cells of `output` (1-based number, our text, marimo's text) that differ from `input` (the
 * fix touched them) and that marimo's save (`saved`: what `marimo check --fix` wrote for `output`) writes
 * differently. marimo turns a cell that only defines a pure function into `@app.function` and
 * drops that name from every cell's parameters; it does that to untouched cells the same way
 * with or without the fix, so a touched cell that still names such a function is not counted.
 * Throws if marimo's save has a different number of cells.
 */
export interface CellFormMismatch {
  readonly cell: number;
  readonly ours: string;
  readonly marimo: string;
}

export function cellsNotInMarimoForm(input: string, output: string, saved: string): CellFormMismatch[] {
  const inputCells = new Set(cellTexts(input));
  const outputCells = cellTexts(output);
  const savedCells = cellTexts(saved);
  if (savedCells.length !== outputCells.length) throw new Error(`marimo saves ${savedCells.length} cells, the fix wrote ${outputCells.length}`);
  const hoisted = hoistedFunctions(output, saved);
  const wrong: CellFormMismatch[] = [];
  outputCells.forEach((cell, i) => {
    const marimo = savedCells[i]!;
    if (!inputCells.has(cell) && marimo !== withoutParameters(cell, hoisted)) wrong.push({ cell: i + 1, ours: cell, marimo });
  });
  return wrong;
}
