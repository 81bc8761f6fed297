// Comparators and predicates that rules pass to `sort`, `filter` and `some` on every notebook.
// Module-level functions rather than arrow functions written in place: an arrow function made
// on each call loses its optimized code at every forced collection (see notebook/shapes.ts).
import type { Cell } from "../../notebook/model.js";

/** Source order, by start offset. */
export function byStart(a: { readonly start: number }, b: { readonly start: number }): number {
  return a.start - b.start;
}

/** A regular `@app.cell` (not the setup cell, a function or a class). */
export function isRegularCell(cell: Cell): boolean {
  return cell.kind === "cell";
}
