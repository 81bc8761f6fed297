// Whether a reactive cell that calls an `on_change` handler would re-run itself forever through
// `mo.state`. marimo re-runs every cell that reads a state's getter when its setter is called,
// except the cell that called it. An `on_change` handler runs in the element's own cell, so
// `mo.ui.slider(value=get_x(), on_change=set_x)` (marimo's two-way binding) is quiet. A new
// cell `set_x(slider.value)` is not: it re-runs the slider's cell, which makes a new slider,
// which re-runs the new cell, which calls `set_x` again.
import type { Cell, Notebook } from "../../notebook/model.js";
import type { Dataflow } from "../../notebook/dataflow.js";
import type { PyNode } from "../../notebook/python.js";
import { ancestorsOf, definingCells } from "./cell-graph.js";

/** `get_x, set_x = mo.state(...)`, parenthesized or not, under any alias (or `state(...)` imported). */
// Each optional token takes the blanks after it, so no two `[ \t]*` meet (a line of blanks after
// `a, b` would otherwise take polynomial time of a high degree).
const STATE_PAIR = /^[ \t]*(?:\([ \t]*)?([\p{L}_][\p{L}\p{N}_]*)[ \t]*,[ \t]*([\p{L}_][\p{L}\p{N}_]*)[ \t]*(?:,[ \t]*)?(?:\)[ \t]*)?=[ \t]*(?:[\p{L}_][\p{L}\p{N}_.]*\.)?state[ \t]*\(/gmu;
const WORD = /[\p{L}_][\p{L}\p{N}_]*/gu;

export interface StateLoop {
  readonly setter: string;
  readonly getter: string;
  /** The cell that reads the getter and that the new cell depends on. */
  readonly reader: Cell;
}

/**
 * The state loop a cell calling `handler` with the value of an element of `cell` would start:
 * the handler (or a notebook function it names, transitively) calls a state setter whose getter
 * is read by `cell` or by a cell the new cell depends on. Conservative: names are matched as
 * words, so a mention counts as a call.
 */
export function stateLoopOf(notebook: Notebook, flow: Dataflow, cell: Cell, handler: PyNode): StateLoop | undefined {
  const source = notebook.source;
  if (!source.includes("state")) return undefined;
  const getterOf = new Map<string, string>();
  for (const m of source.matchAll(STATE_PAIR)) getterOf.set(m[2]!, m[1]!);
  if (getterOf.size === 0) return undefined;

  const handlerText = handler.text();
  const setters = settersReached(notebook, handlerText, getterOf);
  if (setters.length === 0) return undefined;
  const upstream = ancestorsOf(flow, [cell.index, ...definingCells(flow, new Set(handlerText.match(WORD) ?? []))]);
  for (const index of [...upstream].sort((a, b) => a - b)) {
    const refs = flow.variables.get(index)?.refs;
    if (!refs) continue;
    for (const setter of setters) {
      const getter = getterOf.get(setter)!;
      if (refs.has(getter)) return { setter, getter, reader: notebook.cells[index]! };
    }
  }
  return undefined;
}

/** The setters named in `text` or in the notebook functions it names, transitively. */
function settersReached(notebook: Notebook, text: string, getterOf: ReadonlyMap<string, string>): string[] {
  let functions: Map<string, string[]> | undefined;
  const found = new Set<string>();
  const seen = new Set<string>();
  const pending = [text];
  while (pending.length > 0) {
    for (const word of pending.pop()!.match(WORD) ?? []) {
      if (seen.has(word)) continue;
      seen.add(word);
      if (getterOf.has(word)) {
        found.add(word);
        continue;
      }
      functions ??= functionTexts(notebook);
      pending.push(...(functions.get(word) ?? []));
    }
  }
  return [...found];
}

/**
 * The text of every function defined inside a cell, by name. The cells' own functions (`def _`)
 * are left out, and so are `@app.function`s, which cannot read a cell's setter.
 */
function functionTexts(notebook: Notebook): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const fn of notebook.root.root().findAll({ rule: { kind: "function_definition", inside: { kind: "block", stopBy: "end" } } })) {
    const name = fn.field("name")?.text();
    if (!name) continue;
    const texts = byName.get(name);
    if (texts) texts.push(fn.text());
    else byName.set(name, [fn.text()]);
  }
  return byName;
}
