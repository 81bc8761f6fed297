// Walks marimo's cell graph: which regular cells define what a cell reads, transitively. Used by
// the fixes that add a cell (where it may go, what it will depend on) and by NVR001's check for
// state loops.
import type { Dataflow } from "../../notebook/dataflow.js";

/** The regular cells that define the names `cell` reads, transitively, with the starting cells. */
export function ancestorsOf(flow: Dataflow, start: Iterable<number>): Set<number> {
  const seen = new Set<number>();
  const stack = [...start];
  while (stack.length > 0) {
    const index = stack.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    const vars = flow.variables.get(index);
    if (!vars) continue;
    for (const ref of vars.refs) {
      if (flow.allowedRefs.has(ref) || vars.defs.has(ref)) continue;
      for (const d of flow.definers.get(ref) ?? []) if (!seen.has(d)) stack.push(d);
    }
  }
  return seen;
}

/** The regular cells defining `names` (the import cells a new cell will read). */
export function definingCells(flow: Dataflow, names: Iterable<string>): number[] {
  const result: number[] = [];
  for (const name of names) for (const d of flow.definers.get(name) ?? []) result.push(d);
  return result;
}
