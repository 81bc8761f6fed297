// Unified diffs of a fix, in the format of `diff -u` / `git diff`.
//
// A Myers diff over a whole notebook costs O(N·D): with hundreds of scattered fixes in a
// 3,000-line file that is seconds. Fixes change cells, not the file's structure, so we diff
// in levels: first the sequence of cells (split at top-level `@app.` decorators); then, in each
// run of changed cells, we pair every cell with its edited version (fixes mostly edit cells in
// place and insert a few new ones); then the lines of each pair. Each line-level diff is small.
import { diffArrays } from "diff";

type Change = { readonly count: number; readonly added: boolean; readonly removed: boolean };

type Op = { readonly kind: " " | "-" | "+"; readonly text: string };

const CONTEXT = 3;
const CELL_START = /^(?:@app\.|app\._unparsable_cell\(|with app\.setup|if __name__ ==)/;

/** Marks a last line without a newline, so that it differs from the same text with one. */
const NO_EOL = "\u0000no-eol";

function splitLines(text: string): string[] {
  if (text === "") return [];
  const finalNewline = text.endsWith("\n");
  const lines = (finalNewline ? text.slice(0, -1) : text).split("\n");
  if (!finalNewline) lines[lines.length - 1] += NO_EOL;
  return lines;
}

/** Splits lines into chunks that each start at a top-level cell boundary. */
function chunk(lines: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (CELL_START.test(line) && current.length > 0) {
      chunks.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function lineOps(oldLines: readonly string[], newLines: readonly string[], out: Op[]): void {
  for (const change of diffArrays(oldLines as string[], newLines as string[])) {
    const kind = change.added ? "+" : change.removed ? "-" : " ";
    for (const text of change.value) out.push({ kind, text });
  }
}

/**
 * The lines that tell a cell apart: without the decorator and `def` line (alike in every cell),
 * blank lines and indentation (a touched tab-indented cell is re-indented).
 */
function cellLines(chunk: readonly string[]): string[] {
  const lines: string[] = [];
  for (let k = 2; k < chunk.length; k++) {
    const line = chunk[k]!.trim();
    if (line !== "") lines.push(line);
  }
  return lines;
}

/** A cell and its edited version share most of their lines; an inserted cell shares few. */
function similarCells(before: ReadonlySet<string>, after: readonly string[]): boolean {
  if (after.length === 0) return before.size === 0;
  let shared = 0;
  for (const line of after) if (before.has(line)) shared++;
  return shared * 2 >= after.length;
}

/** Line operations for a run of changed cells. */
function changedCells(oldChunks: readonly string[][], newChunks: readonly string[][], out: Op[]): void {
  if (oldChunks.length === newChunks.length) {
    // Edited in place: diff each cell with its own new version.
    for (let k = 0; k < oldChunks.length; k++) lineOps(oldChunks[k]!, newChunks[k]!, out);
    return;
  }
  if (oldChunks.length === 0 || newChunks.length === 0) {
    lineOps(oldChunks.flat(), newChunks.flat(), out);
    return;
  }
  // Cells were inserted or removed: pair the similar ones, diff the rest as one block each.
  const oldSets = oldChunks.map((c) => new Set(cellLines(c)));
  const newLines = newChunks.map(cellLines);
  const oldIndex = oldChunks.map((_, k) => k);
  const newIndex = newChunks.map((_, k) => k);
  const pairs = diffArrays(oldIndex, newIndex, { comparator: (a, b) => similarCells(oldSets[a]!, newLines[b]!) });
  alignRuns(pairs, oldChunks, newChunks, (unpairedOld, unpairedNew) => lineOps(unpairedOld.flat(), unpairedNew.flat(), out), (before, after) => lineOps(before, after, out));
}

/**
 * Walks an alignment of two lists: each run of items only in one list or the other is handed
 * to `changed` as a whole, each pair of aligned items to `common`.
 */
function alignRuns<T>(changes: readonly Change[], oldItems: readonly T[], newItems: readonly T[], changed: (before: T[], after: T[]) => void, common: (before: T, after: T) => void): void {
  let i = 0;
  let j = 0;
  let pendingOld: T[] = [];
  let pendingNew: T[] = [];
  const flush = () => {
    if (pendingOld.length > 0 || pendingNew.length > 0) changed(pendingOld, pendingNew);
    pendingOld = [];
    pendingNew = [];
  };
  for (const change of changes) {
    const count = change.count;
    if (change.removed) {
      for (let k = 0; k < count; k++) pendingOld.push(oldItems[i++]!);
    } else if (change.added) {
      for (let k = 0; k < count; k++) pendingNew.push(newItems[j++]!);
    } else {
      flush();
      for (let k = 0; k < count; k++) common(oldItems[i++]!, newItems[j++]!);
    }
  }
  flush();
}

function operations(oldLines: readonly string[], newLines: readonly string[]): Op[] {
  const ops: Op[] = [];
  const oldChunks = chunk(oldLines);
  const newChunks = chunk(newLines);
  const key = (c: readonly string[]) => c.join("\n");
  const changes = diffArrays(oldChunks.map(key), newChunks.map(key));
  alignRuns(changes, oldChunks, newChunks, (before, after) => changedCells(before, after, ops), (same) => {
    for (const text of same) ops.push({ kind: " ", text });
  });
  return ops;
}

function range(start: number, count: number): string {
  if (count === 1) return `${start}`;
  return `${count === 0 ? start - 1 : start},${count}`;
}

export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return "";
  const name = path.replace(/^\/+/, "");
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = operations(a, b);

  // Where each op sits in the old and new file (1-based), to write hunk headers.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldLine.push(o);
    newLine.push(n);
    if (op.kind !== "+") o++;
    if (op.kind !== "-") n++;
  }

  let out = `--- a/${name}\n+++ b/${name}\n`;
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === " ") {
      k++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change
    // that is within 2*CONTEXT equal lines of the previous one.
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    let equalRun = 0;
    let m = k;
    for (; m < ops.length; m++) {
      if (ops[m]!.kind === " ") {
        equalRun++;
        if (equalRun > 2 * CONTEXT) break;
      } else {
        equalRun = 0;
        end = m;
      }
    }
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const slice = ops.slice(start, stop);
    const oldCount = slice.filter((op) => op.kind !== "+").length;
    const newCount = slice.filter((op) => op.kind !== "-").length;
    out += `@@ -${range(oldLine[start]!, oldCount)} +${range(newLine[start]!, newCount)} @@\n`;
    for (let s = start; s < stop; s++) {
      const op = ops[s]!;
      out += op.text.endsWith(NO_EOL) ? `${op.kind}${op.text.slice(0, -NO_EOL.length)}\n\\ No newline at end of file\n` : `${op.kind}${op.text}\n`;
    }
    k = stop;
  }
  return out;
}
