// Text helpers for NVR001 (on-change-callback): removing one keyword argument from a call
// cleanly, rebuilding an expression's text with some identifiers replaced, and merging
// touching edits into one (the fix loop rejects a fix whose own edits touch).
import { replaceRange } from "../../engine/edits.js";
import type { TextEdit } from "../../engine/types.js";
import { endOf, startOf, type PyNode } from "../../notebook/python.js";
import { indentationAt, lineEndOf, lineStartOf, nextLineStart } from "../../notebook/text.js";
import { byStart } from "./predicates.js";

/**
 * The range to delete so that the keyword argument `argument` disappears from its call with
 * its comma and whitespace: `f(a, k=v)` → `f(a)`, `f(k=v, a)` → `f(a)`, `f(k=v)` → `f()`, and
 * in a call written one argument per line, the argument's whole line (trailing comment too).
 */
export function argumentRemoval(source: string, argument: PyNode): TextEdit {
  const list = argument.parent();
  if (!list) return replaceRange(startOf(argument), endOf(argument), "");
  const children = list.children();
  const index = children.findIndex((c) => startOf(c) === startOf(argument) && c.kind() === argument.kind());
  const others = list.namedChildren().filter((c) => c.kind() !== "comment" && startOf(c) !== startOf(argument));
  const open = children[0];
  const close = children.at(-1);

  // The only argument: `f(k=v)` → `f()`, whatever the layout.
  if (others.length === 0 && open?.kind() === "(" && close?.kind() === ")") {
    return replaceRange(endOf(open), startOf(close), "");
  }

  const following = children[index + 1];
  const comma = following?.kind() === "," ? following : undefined;
  const afterComma = comma ? endOf(comma) : endOf(argument);

  // The argument owns its line(s): delete them whole.
  const lineStart = lineStartOf(source, startOf(argument));
  const before = source.slice(lineStart, startOf(argument));
  const restOfLine = source.slice(afterComma, lineEndOf(source, afterComma));
  if (before.trim() === "" && /^[ \t]*(#.*)?$/.test(restOfLine)) {
    return replaceRange(lineStart, nextLineStart(source, afterComma), "");
  }

  // The next argument (or comment) after the comma, if any.
  const next = comma ? children.slice(index + 2).find((c) => c.kind() !== ")") : undefined;
  const previous = children.slice(0, index).reverse().find((c) => c.kind() !== "comment");
  const firstOnLine = before.trim() === "" || previous?.kind() === "(";
  const sameLine = (a: number, b: number) => !source.slice(a, b).includes("\n");

  if (next && firstOnLine && sameLine(afterComma, startOf(next))) {
    return replaceRange(startOf(argument), startOf(next), "");
  }
  if (previous?.kind() === ",") {
    return replaceRange(startOf(previous), endOf(argument), "");
  }
  if (next) return replaceRange(startOf(argument), startOf(next), "");
  return replaceRange(startOf(argument), afterComma, "");
}

export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The source text of `node` with `replacements` applied (absolute offsets inside the node),
 * with LF line breaks, and with continuation lines dedented by the indentation of the line the
 * node starts on (leading tabs become four spaces), so the text can stand at column 0.
 * Multi-line strings are left exactly as written.
 */
export function rewrittenText(source: string, node: PyNode, replacements: readonly Replacement[]): string {
  const start = startOf(node);
  const end = endOf(node);
  let text = "";
  let at = start;
  for (const r of [...replacements].sort(byStart)) {
    if (r.start < at || r.end > end) continue;
    text += source.slice(at, r.start) + r.text;
    at = r.end;
  }
  text += source.slice(at, end);
  text = text.replace(/\r\n/g, "\n");
  if (!text.includes("\n")) return text;
  const multilineString = node
    .findAll({ rule: { kind: "string" } })
    .some((s) => s.text().includes("\n"));
  if (multilineString) return text;
  const indent = indentationAt(source, start);
  const [first, ...rest] = text.split("\n");
  const dedented = rest.map((line) => {
    let l = line.startsWith(indent) ? line.slice(indent.length) : line.trimStart();
    const lead = /^[ \t]*/.exec(l)![0];
    if (lead.includes("\t")) l = lead.replace(/\t/g, "    ") + l.slice(lead.length);
    return l;
  });
  return [first, ...dedented].join("\n");
}

/**
 * Sorts text edits and merges those that overlap or touch into one edit, because the fix loop
 * drops a fix whose own edits touch each other. Edits nested inside another are dropped.
 */
export function mergeTouchingEdits(source: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged.at(-1);
    if (last && edit.start <= last.end) {
      // Nested inside the previous edit (a rename within a removed argument): already covered.
      if (edit.start < last.end && edit.end <= last.end) continue;
      const text = last.text + source.slice(last.end, edit.start) + edit.text;
      merged[merged.length - 1] = replaceRange(last.start, Math.max(last.end, edit.end), text);
      continue;
    }
    merged.push(edit);
  }
  return merged;
}
