// Cheap prefilters for NVR002/NVR004/NVR005/NVE002/NVE003/NVE005/NVE006: a JS regex over the
// source finds the cells that may hold a violation, and native queries then search only those
// cells instead of the whole file (a full-tree `findAll` costs about a millisecond on a large
// notebook, even when it matches nothing).
import type { Cell, Notebook } from "../../notebook/model.js";
import type { Matcher, PyNode } from "../../notebook/python.js";

/** Offsets of every match of `pattern` (made global) in the source. */
export function matchOffsets(source: string, pattern: RegExp): number[] {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(pattern.source, flags);
  const offsets: number[] = [];
  for (let m = global.exec(source); m; m = global.exec(source)) {
    offsets.push(m.index);
    if (m[0] === "") global.lastIndex++;
  }
  return offsets;
}

/**
 * `[...source.matchAll(pattern)]` for a multiline pattern (`^` with the `m` flag, no `u` flag)
 * whose every match starts at a line start and holds `needle` before the first line break: only
 * the lines holding `needle` are tried, instead of every position of the source. Line starts
 * inside a previous match are skipped, as a global scan does.
 */
export function lineMatches(source: string, needle: string, pattern: RegExp): RegExpExecArray[] {
  const sticky = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}y`);
  const matches: RegExpExecArray[] = [];
  let resume = 0;
  let tried = -1;
  for (let at = source.indexOf(needle); at !== -1; at = source.indexOf(needle, at + 1)) {
    const start = multilineLineStart(source, at);
    if (start < resume || start === tried) continue;
    tried = start;
    sticky.lastIndex = start;
    const match = sticky.exec(source);
    if (!match) continue;
    matches.push(match);
    resume = sticky.lastIndex;
  }
  return matches;
}

/** Where the line holding `offset` starts, for a multiline `^`: after LF, CR, U+2028 or U+2029. */
function multilineLineStart(source: string, offset: number): number {
  let start = offset;
  for (; start > 0; start--) {
    const code = source.charCodeAt(start - 1);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) break;
  }
  return start;
}

/** The cells (in order, without repeats) that contain one of the offsets. */
export function cellsAt(notebook: Notebook, offsets: readonly number[]): Cell[] {
  const result: Cell[] = [];
  const cells = notebook.cells;
  let i = 0;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    while (i < cells.length && cells[i]!.end < offset) i++;
    const cell = cells[i];
    if (!cell || cell.start > offset) continue;
    if (result.at(-1) !== cell) result.push(cell);
  }
  return result;
}

/** Cells holding a match of `pattern`. */
export function cellsMatching(notebook: Notebook, pattern: RegExp): Cell[] {
  return cellsAt(notebook, matchOffsets(notebook.source, pattern));
}

/** `findAll` restricted to the given cells, in source order. */
export function findAllInCells(cells: readonly Cell[], matcher: Matcher): PyNode[] {
  return cells.flatMap((cell) => cell.node.findAll(matcher));
}
