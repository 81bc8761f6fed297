// Where the marimo module is bound (`import marimo as mo` in the setup cell or in a regular
// cell) and whether inserted code at a given place may call it. Shared by NVR002, NVR004,
// NVR005, NVE002, NVE004, NVE005 and NVE006.
import { PYTHON_BUILTINS } from "../../notebook/builtins.js";
import { cellVariables, type Dataflow } from "../../notebook/dataflow.js";
import type { Cell, Notebook } from "../../notebook/model.js";
import { startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { cellsAt, lineMatches } from "./candidate-cells.js";

export interface MarimoBinding {
  /** The local name bound to the marimo module (`mo`, `marimo`, ...). */
  readonly name: string;
  readonly cell: Cell;
  /** The import statement. */
  readonly node: PyNode;
  /** Whether the import is a top-level statement of its cell (not nested in a block). */
  readonly topLevel: boolean;
}

const bindingCache = new WeakMap<Notebook, MarimoBinding[]>();
const MARIMO_IMPORT_LINE = /^[ \t]*import[ \t]+marimo\b/gm;
const MARIMO_IMPORT: Matcher = { rule: { kind: "import_statement" } };

/**
 * `import marimo [as x]` statements inside cells (the file's own `import marimo` is not one).
 * Found from the text first, so that only the cells holding one are queried.
 */
export function marimoBindings(notebook: Notebook): MarimoBinding[] {
  const cached = bindingCache.get(notebook);
  if (cached) return cached;
  const result: MarimoBinding[] = [];
  const lines = lineMatches(notebook.source, "marimo", MARIMO_IMPORT_LINE).map((m) => m.index);
  for (const cell of cellsAt(notebook, lines)) {
    if (cell.kind !== "cell" && cell.kind !== "setup") continue;
    for (const node of cell.node.findAll(MARIMO_IMPORT)) {
      const m = /^import\s+marimo(?:\s+as\s+(\w+))?\s*$/.exec(node.text());
      if (!m) continue;
      const at = startOf(node);
      result.push({ name: m[1] ?? "marimo", cell, node, topLevel: cell.statements.some((s) => startOf(s) === at) });
    }
  }
  bindingCache.set(notebook, result);
  return result;
}

/**
 * Prefixes under which marimo APIs are called: every alias of the module (plus `mo` itself, the
 * universal convention), and the local names of `from marimo import ui|status|stop|...`.
 */
export interface MarimoNames {
  /** Local names bound to the marimo module (always includes `mo`). */
  readonly modules: ReadonlySet<string>;
  /** `from marimo import <attribute> [as local]`: local name by attribute. */
  readonly attributes: ReadonlyMap<string, string>;
}

const namesCache = new WeakMap<Notebook, MarimoNames>();
const IMPORT_AS = /^[ \t]*import[ \t]+marimo[ \t]+as[ \t]+(\w+)/gm;
const FROM_IMPORT = /^[ \t]*from[ \t]+marimo[ \t]+import[ \t]+\(?([^)#\r\n]*)/gm;

/** From the text of the imports (no native query): aliases rarely span lines. */
export function marimoNames(notebook: Notebook): MarimoNames {
  const cached = namesCache.get(notebook);
  if (cached) return cached;
  const source = notebook.source;
  const modules = new Set<string>(["mo"]);
  const attributes = new Map<string, string>();
  if (source.includes("marimo")) {
    for (const m of lineMatches(source, "marimo", IMPORT_AS)) modules.add(m[1]!);
    for (const m of lineMatches(source, "marimo", FROM_IMPORT)) {
      for (const part of m[1]!.split(",")) {
        const n = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (n) attributes.set(n[1]!, n[2] ?? n[1]!);
      }
    }
    // `marimo.ui.slider(...)` works wherever a cell imported `marimo` itself.
    if (marimoBindings(notebook).some((b) => b.name === "marimo")) modules.add("marimo");
  }
  const names = { modules, attributes };
  namesCache.set(notebook, names);
  return names;
}

/**
 * For a dotted callee (whitespace removed) under `mo.<member>.` (any alias of marimo, or the
 * local name of `from marimo import <member>`), the rest of the callee: `spinner` for
 * `mo.status.spinner`, `slider.from_series` for `ui.slider.from_series`; else undefined.
 */
export function marimoMember(names: MarimoNames, callee: string, member: string): string | undefined {
  const parts = callee.split(".");
  if (parts.length >= 3 && names.modules.has(parts[0]!) && parts[1] === member) return parts.slice(2).join(".");
  const local = names.attributes.get(member);
  if (local && parts.length >= 2 && parts[0] === local) return parts.slice(1).join(".");
  return undefined;
}

/** Whether a callee is the marimo function `name` (`mo.stop`, or `stop` from `from marimo import stop`). */
export function isMarimoFunction(names: MarimoNames, callee: string, name: string): boolean {
  const parts = callee.split(".");
  if (parts.length === 2 && names.modules.has(parts[0]!) && parts[1] === name) return true;
  return parts.length === 1 && names.attributes.get(name) === callee;
}

export type MarimoAccess = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly reason: string };

/**
 * The name under which code inserted at `offset` of `cell` can call marimo: the setup cell's
 * import (visible everywhere), an earlier top-level import of the same cell, or another regular
 * cell's import when that cell does not depend on this one. `@app.function` bodies see only the
 * setup cell.
 */
export function marimoAt(notebook: Notebook, dataflow: () => Dataflow, cell: Cell, offset: number): MarimoAccess {
  const bindings = marimoBindings(notebook);
  const prefer = (list: MarimoBinding[]) => list.find((b) => b.name === "mo") ?? list[0];
  const setup = prefer(bindings.filter((b) => b.cell.kind === "setup" && (cell.kind !== "setup" || startOf(b.node) < offset)));
  if (setup) return { ok: true, name: setup.name };
  if (cell.kind === "function" || cell.kind === "class") {
    return { ok: false, reason: "the setup cell does not import marimo, so this function cannot use `mo`" };
  }
  if (cell.kind !== "cell") return { ok: false, reason: "no earlier statement of the setup cell imports marimo" };
  const own = bindings.filter((b) => b.cell.index === cell.index);
  if (own.length > 0) {
    const before = prefer(own.filter((b) => b.topLevel && startOf(b.node) < offset));
    if (before) return { ok: true, name: before.name };
    return { ok: false, reason: "this cell imports marimo only after this point" };
  }
  const others = bindings.filter((b) => b.cell.kind === "cell");
  if (others.length === 0) return { ok: false, reason: "no cell imports marimo" };
  // Usually the marimo cell reads nothing (it only imports): then it cannot depend on this cell,
  // and the whole notebook's dataflow is not needed.
  const independent = (b: MarimoBinding) => [...cellVariables(b.cell, notebook.source).refs].every((r) => PYTHON_BUILTINS.has(r));
  let usable = prefer(others.filter(independent));
  if (!usable) {
    const flow = dataflow();
    usable = prefer(others.filter((b) => !dependsOn(flow, b.cell.index, cell.index)));
  }
  if (!usable) return { ok: false, reason: "the cell that imports marimo depends on this one" };
  // The name must not be something else in this cell.
  if (cellVariables(cell, notebook.source).defs.has(usable.name)) return { ok: false, reason: `this cell defines its own \`${usable.name}\`` };
  return { ok: true, name: usable.name };
}

/** Whether cell `from` reads (transitively) something cell `to` defines, or is `to`. */
export function dependsOn(flow: Dataflow, from: number, to: number): boolean {
  if (from === to) return true;
  const seen = new Set<number>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.pop()!;
    for (const ref of flow.variables.get(current)?.refs ?? []) {
      for (const definer of flow.definers.get(ref) ?? []) {
        if (definer === to) return true;
        if (seen.has(definer)) continue;
        seen.add(definer);
        queue.push(definer);
      }
    }
  }
  return false;
}
