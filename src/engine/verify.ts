// Checks a fixed notebook before it is accepted: it parses, no public name is defined in two
// cells, no cycle between cells, and no `return` stands before the end of a cell.
import type { Dataflow } from "../notebook/dataflow.js";
import type { Notebook } from "../notebook/model.js";
import { startOf, type Matcher } from "../notebook/python.js";

export interface NotebookProblems {
  readonly multipleDefinitions: ReadonlySet<string>;
  /** Names some cell reads that no cell, setup cell, function or builtin defines. */
  readonly undefinedNames: ReadonlySet<string>;
  readonly hasCycle: boolean;
  readonly earlyReturns: number;
}

export function findProblems(notebook: Notebook, dataflow: Dataflow): NotebookProblems {
  const multipleDefinitions = new Set<string>();
  for (const [name, cells] of dataflow.definers) {
    if (cells.length > 1 || dataflow.setupNames.has(name) || dataflow.topLevelNames.has(name)) multipleDefinitions.add(name);
  }
  const undefinedNames = new Set<string>();
  for (const name of dataflow.usedRefs) {
    if (!dataflow.allowedRefs.has(name) && !dataflow.definers.has(name)) undefinedNames.add(name);
  }
  return { multipleDefinitions, undefinedNames, hasCycle: hasCycle(notebook, dataflow), earlyReturns: countEarlyReturns(notebook) };
}

/** Compares the problems after a fix with those before; returns what the fix introduced. */
export function newProblems(before: NotebookProblems, after: NotebookProblems): string | undefined {
  for (const name of after.multipleDefinitions) {
    if (!before.multipleDefinitions.has(name)) return `\`${name}\` would be defined in more than one cell`;
  }
  for (const name of after.undefinedNames) {
    // Two fixes of one pass can disagree: one renames a name that the other starts to read.
    if (!before.undefinedNames.has(name)) return `\`${name}\` would be read but defined by no cell`;
  }
  if (after.hasCycle && !before.hasCycle) return "the cells would form a cycle";
  if (after.earlyReturns > before.earlyReturns) return "a `return` would stand before the end of a cell";
  return undefined;
}

function hasCycle(notebook: Notebook, dataflow: Dataflow): boolean {
  // Edges: definer cell -> reader cell.
  const edges = new Map<number, number[]>();
  for (const cell of notebook.cells) {
    if (cell.kind !== "cell") continue;
    const vars = dataflow.variables.get(cell.index);
    if (!vars) continue;
    for (const ref of vars.refs) {
      for (const definer of dataflow.definers.get(ref) ?? []) {
        if (definer === cell.index) continue;
        const list = edges.get(definer);
        if (list) list.push(cell.index);
        else edges.set(definer, [cell.index]);
      }
    }
  }
  const state = new Map<number, 1 | 2>();
  const visit = (start: number): boolean => {
    const stack: Array<[number, number]> = [[start, 0]];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = edges.get(top[0]) ?? [];
      if (top[1] >= next.length) {
        state.set(top[0], 2);
        stack.pop();
        continue;
      }
      const target = next[top[1]++]!;
      const s = state.get(target);
      if (s === 1) return true;
      if (s === undefined) {
        state.set(target, 1);
        stack.push([target, 0]);
      }
    }
    return false;
  };
  for (const cell of notebook.cells) if (!state.has(cell.index) && visit(cell.index)) return true;
  return false;
}

/**
 * `return` statements of the cell's own function: not inside a function nested in it (every
 * return is inside the cell's definition itself; a lambda holds no statements).
 */
const RETURN_OF_CELL: Matcher = {
  rule: { kind: "return_statement", not: { inside: { kind: "function_definition", stopBy: "end", inside: { kind: "function_definition", stopBy: "end" } } } },
};
/** Counts at least every `return` keyword (and a few more, inside longer names). */
const RETURN_WORD = /return/g;

function countEarlyReturns(notebook: Notebook): number {
  let count = 0;
  for (const cell of notebook.cells) {
    if (cell.kind !== "cell" || !cell.body || !cell.definition) continue;
    // Most cells hold no `return` but their last: then there is nothing to look for.
    // (A class cell has no returns of its own: they are all in its methods.)
    const words = notebook.source.slice(cell.start, cell.end).match(RETURN_WORD)?.length ?? 0;
    if (words <= (cell.returnStatement ? 1 : 0) || cell.definition.kind() !== "function_definition") continue;
    const last = cell.returnStatement ? startOf(cell.returnStatement) : -1;
    for (const ret of cell.body.findAll(RETURN_OF_CELL)) if (startOf(ret) !== last) count++;
  }
  return count;
}
