// Notebook-wide dataflow: each cell's refs and defs, the names visible everywhere (setup cell,
// unshadowed builtins, top-level functions), and from them each cell's canonical parameters
// and returns (marimo-format.md, section 4).
import { PYTHON_BUILTINS } from "./builtins.js";
import type { Cell, Notebook } from "./model.js";
import { endOf, startOf } from "./python.js";
import { analyzeCell, type CellVariables } from "./scope.js";

export interface Dataflow {
  readonly variables: ReadonlyMap<number, CellVariables>;
  /** Names defined by the setup cell. */
  readonly setupNames: ReadonlySet<string>;
  /** Names of `@app.function` / `@app.class_definition` cells. */
  readonly topLevelNames: ReadonlySet<string>;
  /** Names any cell may read without a parameter: setup, unshadowed builtins, top-level functions. */
  readonly allowedRefs: ReadonlySet<string>;
  /** Every name some cell reads. */
  readonly usedRefs: ReadonlySet<string>;
  /** Which cells define each public name (regular cells only). */
  readonly definers: ReadonlyMap<string, readonly number[]>;
  /** Parameters exactly as marimo writes them (annotated where marimo annotates). */
  params(cell: Cell): string[];
  /** Returned names, sorted, exactly as marimo writes them. */
  returns(cell: Cell): string[];
}

// Cell analysis is pure in the cell's text, so passes of the fix loop reuse it.
const analysisCache = new Map<string, CellVariables>();
const CACHE_LIMIT = 4096;

function analysisKey(cell: Cell, source: string): string {
  return `${cell.kind}\u0000${source.slice(cell.start, cell.end)}`;
}

export function cellVariables(cell: Cell, source: string): CellVariables {
  const key = analysisKey(cell, source);
  const cached = analysisCache.get(key);
  if (cached) return cached;
  let result: CellVariables;
  if (cell.kind === "function" || cell.kind === "class") {
    result = analyzeCell(cell.definition ? [cell.definition] : []);
  } else if (cell.kind === "unparsable") {
    result = { refs: new Set(), defs: new Set(), annotations: new Map(), hasTopLevelAwait: false };
  } else {
    result = analyzeCell(cell.statements);
  }
  if (analysisCache.size >= CACHE_LIMIT) analysisCache.clear();
  analysisCache.set(key, result);
  return result;
}

export function computeDataflow(notebook: Notebook): Dataflow {
  const variables = new Map<number, CellVariables>();
  const setupNames = new Set<string>();
  const topLevelNames = new Set<string>();
  const definers = new Map<string, number[]>();
  const usedRefs = new Set<string>();
  const cellDefs = new Set<string>();

  for (const cell of notebook.cells) {
    const vars = cellVariables(cell, notebook.source);
    variables.set(cell.index, vars);
    if (cell.kind === "setup") for (const d of vars.defs) setupNames.add(d);
    if (cell.kind === "function" || cell.kind === "class") topLevelNames.add(cell.name);
    if (cell.kind !== "unparsable") {
      for (const r of vars.refs) usedRefs.add(r);
      for (const d of vars.defs) cellDefs.add(d);
    }
    if (cell.kind === "cell") {
      for (const d of vars.defs) {
        const list = definers.get(d);
        if (list) list.push(cell.index);
        else definers.set(d, [cell.index]);
      }
    }
  }

  const allowedRefs = new Set<string>(setupNames);
  for (const b of PYTHON_BUILTINS) if (!cellDefs.has(b)) allowedRefs.add(b);
  for (const t of topLevelNames) allowedRefs.add(t);

  const firstAnnotation = (name: string) => {
    for (const cell of notebook.cells) {
      const vars = variables.get(cell.index);
      if (vars?.defs.has(name)) return vars.annotations.get(name);
    }
    return undefined;
  };

  return {
    variables,
    setupNames,
    topLevelNames,
    allowedRefs,
    usedRefs,
    definers,
    params(cell) {
      const vars = variables.get(cell.index);
      if (!vars) return [];
      const names = [...vars.refs].filter((r) => !allowedRefs.has(r) && !vars.defs.has(r)).sort(byCodePoint);
      return names.map((name) => {
        const annotation = firstAnnotation(name);
        if (!annotation) return name;
        const visible = [...annotation.refs].every((r) => allowedRefs.has(r) || vars.defs.has(r));
        return visible ? `${name}: ${annotation.text}` : `${name}: "${annotation.text.replace(/(?<!\\)"/g, '\\"')}"`;
      });
    },
    returns(cell) {
      const vars = variables.get(cell.index);
      if (!vars) return [];
      return [...vars.defs].filter((d) => usedRefs.has(d)).sort(byCodePoint);
    },
  };
}

/** Python's `sorted` on str: code-point order (never `localeCompare`). */
export function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Text range of a cell's code as marimo sees it: the body without the trailing `return`. */
export function cellCodeRange(cell: Cell, source: string): { start: number; end: number } {
  const body = cell.body;
  if (!body) return { start: cell.signatureEnd, end: cell.signatureEnd };
  // marimo takes everything after the `def` line (leading comments included), or the rest of
  // the `def` line for one-line cells such as `def one(): return`.
  const bodyStart = startOf(body);
  const firstBreak = source.indexOf("\n", cell.signatureEnd);
  const start = firstBreak === -1 || firstBreak > bodyStart ? bodyStart : firstBreak + 1;
  const end = cell.returnStatement ? startOf(cell.returnStatement) : endOf(body);
  return { start, end: Math.max(start, end) };
}
