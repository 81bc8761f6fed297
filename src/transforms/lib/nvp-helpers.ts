// Shared helpers of the performance rules (NVP001-NVP007): whether a notebook runs on a GPU,
// editing a call's argument list in the call's own style, loops and their targets.
import { replaceRange } from "../../engine/edits.js";
import type { RuleContext, TextEdit } from "../../engine/types.js";
import type { Notebook } from "../../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { indentationAt, lineEndOf, lineStartOf } from "../../notebook/text.js";
import { escapeRegex } from "./regex.js";

/** Text that only a notebook using an NVIDIA GPU contains (CUDA devices, RAPIDS, CuPy). */
const GPU_TEXT = /\bcuda\b|\bcupy\b|\bcudf\b|\bcuml\b|\bcugraph\b|device_map\s*=/;

/**
 * `findAll` in the cells whose text passes `test` only: a native query costs a walk of the
 * whole tree, a text test of each cell almost nothing.
 */
export function findInCells(notebook: Notebook, test: RegExp, matcher: Matcher): PyNode[] {
  const source = notebook.source;
  const found: PyNode[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind === "unparsable") continue;
    test.lastIndex = 0;
    if (!test.test(source.slice(cell.start, cell.end))) continue;
    found.push(...cell.node.findAll(matcher));
  }
  return found;
}

// --- text prefilters ---------------------------------------------------------------------------
//
// Whether a call of a given shape can be written at some place of the source, decided from the
// text around a word: they only ever say "no" when the tokens cannot form that call, so that the
// native query runs on fewer cells and finds the same nodes.

/**
 * Characters that may separate two tokens besides spaces and tabs, or hide a separation: line
 * breaks, other Unicode blanks (tree-sitter skips `\s`, U+200B, U+2060, U+FEFF), a `\`
 * continuation, a comment.
 */
const MAYBE_SEPARATOR = /[\s\u0085\u200B\u2060\\#]/;

/** Whether the first character before `at`, past spaces and tabs, is `.` or may hide one. */
export function mayFollowDot(source: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (source[i] === " " || source[i] === "\t")) i--;
  if (i < 0) return false;
  return source[i] === "." || MAYBE_SEPARATOR.test(source[i]!);
}

/** Whether the first character from `at`, past spaces and tabs, is `char` or may hide one. */
export function mayPrecede(source: string, at: number, char: string): boolean {
  let i = at;
  while (i < source.length && (source[i] === " " || source[i] === "\t")) i++;
  if (i >= source.length) return false;
  return source[i] === char || MAYBE_SEPARATOR.test(source[i]!);
}

/** Whether the code from `at` may open a call's arguments: `(` past blanks. */
export function mayOpenCall(source: string, at: number): boolean {
  return mayPrecede(source, at, "(");
}

/** Offsets of the matches of `pattern` (global) for which `keep(start, end)` holds. */
export function offsetsWhere(source: string, pattern: RegExp, keep: (start: number, end: number) => boolean): number[] {
  const offsets: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (keep(m.index, m.index + m[0].length)) offsets.push(m.index);
    if (m[0] === "") pattern.lastIndex++;
  }
  return offsets;
}

/**
 * Offsets where `.<word>(` may be written for one of `words` (ASCII names): the word as a whole
 * name, after a dot and before an opening parenthesis (past blanks).
 */
export function methodCallOffsets(source: string, words: readonly string[]): number[] {
  if (words.length === 0) return [];
  const key = words.join("|");
  let pattern = wordPatterns.get(key);
  if (!pattern) {
    if (wordPatterns.size >= 256) wordPatterns.clear();
    pattern = new RegExp(`(?<![A-Za-z0-9_])(?:${words.map(escapeRegex).join("|")})(?![A-Za-z0-9_])`, "g");
    wordPatterns.set(key, pattern);
  }
  return offsetsWhere(source, pattern, (start, end) => mayFollowDot(source, start) && mayOpenCall(source, end));
}

const wordPatterns = new Map<string, RegExp>();

const FOR_KEYWORD = /(?<![A-Za-z0-9_])for(?![A-Za-z0-9_])/g;

/**
 * Offsets of the `for` keywords whose loop header may contain a match of `words`: a `for`
 * statement's header (target and iterable) lies on the rest of its line unless brackets stay
 * open, a `\` continues the line, or a string or comment could hide either; then it counts.
 */
export function loopHeaderOffsets(source: string, words: RegExp): number[] {
  return offsetsWhere(source, FOR_KEYWORD, (start) => loopHeaderMayMatch(source, start, words));
}

/** For the `for` keyword at `start`: whether its loop header may contain a match of `words` (not global). */
export function loopHeaderMayMatch(source: string, start: number, words: RegExp): boolean {
  const lineEnd = source.indexOf("\n", start);
  const line = source.slice(start, lineEnd === -1 ? source.length : lineEnd);
  return words.test(line) || /["'#\\]/.test(line) || !balancedBrackets(line);
}

function balancedBrackets(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (--depth < 0) return false;
    }
  }
  return depth === 0;
}

/** Whether the notebook uses a CUDA GPU somewhere (a cheap text test). */
export function usesGpu(notebook: Notebook): boolean {
  return GPU_TEXT.test(notebook.source);
}

/** The arguments of a call (comments left out). */
export function callArguments(call: PyNode): PyNode[] {
  const list = call.field("arguments");
  if (!list || list.kind() !== "argument_list") return [];
  return list.namedChildren().filter((c) => c.kind() !== "comment");
}

/** The keyword argument `name=` of a call, if given. */
export function keywordArgument(call: PyNode, name: string): PyNode | undefined {
  return callArguments(call).find((a) => a.kind() === "keyword_argument" && a.field("name")?.text() === name);
}

/** Whether a call passes `*args` or `**kwargs`, which may hide any argument. */
export function hasSplat(call: PyNode): boolean {
  return callArguments(call).some((a) => a.kind() === "list_splat" || a.kind() === "dictionary_splat");
}

/**
 * Appends `text` (e.g. `pin_memory=True`) as the last argument of a call, in the call's style:
 * on the same line when the closing parenthesis follows the last argument, else on a new line
 * indented like the last argument, with a trailing comma when the call already had one.
 */
export function appendArgument(notebook: Notebook, call: PyNode, text: string): TextEdit | undefined {
  const source = notebook.source;
  const list = call.field("arguments");
  if (!list || list.kind() !== "argument_list") return undefined;
  const args = callArguments(call);
  const close = endOf(list) - 1;
  if (source[close] !== ")") return undefined;
  const last = args.at(-1);
  if (!last) {
    const open = startOf(list) + 1;
    if (source.slice(open, close).trim() !== "") return undefined; // only comments inside
    return replaceRange(open, open, text);
  }
  const between = source.slice(endOf(last), close);
  const trailingComma = /^\s*,/.test(between);
  if (!between.includes("\n")) {
    return replaceRange(endOf(last), endOf(last), `, ${text}`);
  }
  const lineEnd = lineEndOf(source, endOf(last));
  const ownLine = source.slice(lineStartOf(source, startOf(last)), startOf(last)).trim() === "";
  const comma = trailingComma ? endOf(last) + between.indexOf(",") : -1;
  if (trailingComma && comma >= lineEnd) return undefined; // the comma is on a line of its own
  if (!ownLine) {
    // The last argument shares its line with others (`DataLoader(\n    ds, batch_size=64, shuffle=True\n)`):
    // the new one joins them there.
    return trailingComma ? replaceRange(comma + 1, comma + 1, ` ${text},`) : replaceRange(endOf(last), endOf(last), `, ${text}`);
  }
  const indent = indentationAt(source, startOf(last));
  if (trailingComma) return replaceRange(lineEnd, lineEnd, `\n${indent}${text},`);
  // `,` right after the last argument, the new argument on the next line; one edit.
  const rest = source.slice(endOf(last), lineEnd);
  return replaceRange(endOf(last), lineEnd, `,${rest}\n${indent}${text}`);
}

/** Inserts `text` as the first argument of a call (`"cuda", ` before the existing ones). */
export function prependArgument(notebook: Notebook, call: PyNode, text: string): TextEdit | undefined {
  const source = notebook.source;
  const list = call.field("arguments");
  if (!list || list.kind() !== "argument_list") return undefined;
  const first = list.namedChildren()[0];
  const open = startOf(list) + 1;
  if (!first) return source.slice(open, endOf(list) - 1).trim() === "" ? replaceRange(open, open, text) : undefined;
  if (first.kind() === "comment") return undefined;
  const between = source.slice(open, startOf(first));
  if (!between.includes("\n")) return replaceRange(open, open, `${text}, `);
  return replaceRange(startOf(first), startOf(first), `${text},\n${indentationAt(source, startOf(first))}`);
}

const LOOPS = new Set(["for_statement", "while_statement"]);
const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);

/** The innermost `for`/`while` around a node, within its function or cell (not across a `def`). */
export function enclosingLoop(node: PyNode, stopAt?: number): PyNode | undefined {
  for (const ancestor of node.ancestors()) {
    if (stopAt !== undefined && ancestor.id() === stopAt) return undefined;
    const kind = String(ancestor.kind());
    if (LOOPS.has(kind)) {
      // The loop's own header (iterable, condition) runs once per loop, not per step.
      const body = ancestor.field("body");
      if (body && startOf(body) <= startOf(node) && endOf(node) <= endOf(body)) return ancestor;
      continue;
    }
    if (SCOPES.has(kind)) return undefined;
    if (kind === "decorated_definition" || kind === "module") return undefined;
  }
  return undefined;
}

/** The innermost function, lambda or class around a node, if any (the cell's own `def` excluded by the caller). */
export function enclosingScope(node: PyNode): PyNode | undefined {
  for (const ancestor of node.ancestors()) {
    if (SCOPES.has(String(ancestor.kind()))) return ancestor;
  }
  return undefined;
}

/** Identifiers bound by a `for` target or an assignment target (`x`, `(a, b)`, `[c, *d]`). */
export function targetNames(target: PyNode | null | undefined): string[] {
  if (!target) return [];
  if (target.kind() === "identifier") return [target.text()];
  if (target.kind() === "attribute" || target.kind() === "subscript") return [];
  return target
    .findAll({ rule: { kind: "identifier", not: { inside: { any: [{ kind: "attribute" }, { kind: "subscript" }] } } } } as Matcher)
    .map((n) => n.text());
}

/** The statement (child of a block or of the module) that contains a node. */
export function statementOf(node: PyNode): PyNode | undefined {
  let current: PyNode | null = node;
  while (current) {
    const parent: PyNode | null = current.parent();
    if (!parent) return undefined;
    const kind = parent.kind();
    if (kind === "block" || kind === "module") return current;
    current = parent;
  }
  return undefined;
}

/** Whether a statement starts its line and nothing but a comment follows it on its last line. */
export function ownsLines(source: string, statement: PyNode): boolean {
  const before = source.slice(lineStartOf(source, startOf(statement)), startOf(statement));
  if (before.trim() !== "") return false;
  const after = source.slice(endOf(statement), lineEndOf(source, endOf(statement)));
  return after.trim() === "" || after.trim().startsWith("#");
}

/**
 * Calls of `.backward()` / `.step()`; the object of `.step()` is checked in JavaScript
 * (case-insensitive regexes are costly to compile in every native query).
 */
const BACKWARD_OR_STEP: Matcher = {
  rule: { kind: "call", has: { field: "function", kind: "attribute", has: { field: "attribute", regex: "^(backward|step)$" } } },
};
/** Objects whose `.step()` is a training step: optimizers and gradient scalers. */
const STEPPER = /optim|scaler|^opt$|^opt_|_opt$/i;

function isTrainingStep(call: PyNode): boolean {
  const fn = call.field("function");
  if (fn?.field("attribute")?.text() === "backward") return true;
  return STEPPER.test(fn?.field("object")?.text() ?? "");
}

export interface TrainingLoop {
  /** The innermost `for`/`while` that runs a training step on each iteration. */
  readonly loop: PyNode;
  /** The first training step call in it. */
  readonly step: PyNode;
}

/** Innermost loops that run a training step (`.backward()`, `optimizer.step()`) on every iteration. */
export function trainingLoops(notebook: Notebook): TrainingLoop[] {
  const source = notebook.source;
  if (!source.includes("backward(") && !source.includes(".step(")) return [];
  const loops = new Map<number, TrainingLoop>();
  for (const step of findInCells(notebook, /backward\(|\.step\(/, BACKWARD_OR_STEP)) {
    if (!isTrainingStep(step)) continue;
    const loop = enclosingLoop(step);
    if (loop && !loops.has(loop.id())) loops.set(loop.id(), { loop, step });
  }
  return [...loops.values()];
}

/** Whether `node` runs only on some iterations of `loop`: inside an `if` body, `else` or `except`. */
export function conditionalIn(node: PyNode, loop: PyNode): boolean {
  const stop = loop.id();
  let previous = node;
  for (const ancestor of node.ancestors()) {
    if (ancestor.id() === stop) return false;
    const kind = ancestor.kind();
    if (kind === "if_statement" || kind === "elif_clause") {
      const condition = ancestor.field("condition");
      if (!condition || condition.id() !== previous.id()) return true;
    }
    if (kind === "except_clause" || kind === "conditional_expression") return true;
    previous = ancestor;
  }
  return false;
}

/** The loop's header up to its colon, for a short report range. */
export function loopHeaderEnd(loop: PyNode): number {
  const body = loop.field("body");
  const colon = loop.children().filter((c) => c.kind() === ":" && (!body || endOf(c) <= startOf(body))).at(-1);
  return colon ? endOf(colon) : endOf(loop);
}

/**
 * A local name among `aliases` (names bound to a module) that the code at `node` can read
 * without a new dependency: one from the setup cell, or one its cell already reads or defines.
 * Inside an `@app.function`, only the setup cell's names count.
 */
export function visibleAlias(context: RuleContext, node: PyNode, aliases: readonly string[]): string | undefined {
  if (aliases.length === 0) return undefined;
  const cell = context.cellAt(startOf(node));
  if (!cell) return undefined;
  const flow = context.dataflow();
  if (cell.kind !== "cell") return aliases.find((a) => flow.setupNames.has(a)) ?? (cell.kind === "setup" ? aliases[0] : undefined);
  const vars = flow.variables.get(cell.index);
  return aliases.find((a) => flow.setupNames.has(a) || vars?.refs.has(a) || vars?.defs.has(a));
}
