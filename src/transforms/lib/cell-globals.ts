// The public names a notebook's cells define (NVO001, NVO002, NVO003), found by a small Python
// statement scanner over each cell's text instead of a walk of the syntax tree: strings and
// comments are blanked (offsets kept), the code is split into logical statements (brackets,
// backslash continuations, `;`, one-line compound statements), nested `def`/`class` bodies are
// tracked by indentation, and the binding forms are read from each statement. It runs in plain
// JavaScript, with no native call per node, so it costs little even on large notebooks.
//
// Bindings follow marimo's defs (marimo-format.md, section 3): assignment and
// augmented-assignment targets (tuples, lists, starred names), annotated names, `for` targets,
// `with ... as` targets, walrus targets (also inside comprehensions), imports, `def` and
// `class` names, `type X = ...`, and `global X` in a nested function. `match` captures are not
// seen (a rule then reports less, never more). `except ... as e` binds nothing, as in marimo.
//
// A cell's code range (`cellCodeRange`: the body without the `def` line and the final `return`)
// is also read from the text (`codeRange`), since asking the tree for it costs several native
// calls per cell; the few cells whose text the scanner cannot read with certainty (see
// `blankCell`) ask the tree.
import type { Cell, Notebook } from "../../notebook/model.js";
import { cellCodeRange } from "../../notebook/dataflow.js";
import { isPrivateName } from "../../notebook/scope.js";
import { byStart } from "./predicates.js";
import { lineStartOf } from "../../notebook/text.js";

export type BindingKind = "variable" | "import" | "function" | "class";

export interface GlobalBinding {
  readonly name: string;
  readonly cell: Cell;
  readonly kind: BindingKind;
  /** Offsets of the bound name in the source. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the statement that binds it (for an `import` or `def`, the header line). */
  readonly statementStart: number;
  readonly statementEnd: number;
}

export interface CellGlobals {
  /** Every top-level binding of a public name in the setup cell and the regular cells, in source order. */
  readonly bindings: readonly GlobalBinding[];
}

const cache = new WeakMap<Notebook, CellGlobals>();

/** The public names bound at the top level of the notebook's setup cell and regular cells. */
export function cellGlobals(notebook: Notebook): CellGlobals {
  const cached = cache.get(notebook);
  if (cached) return cached;
  const bindings: GlobalBinding[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind !== "cell" && cell.kind !== "setup") continue;
    const layout = cellLayout(notebook, cell);
    if (!layout) continue;
    for (const b of scanStatements(layout.statements, cell)) {
      if (!isPrivateName(b.name)) bindings.push(b);
    }
    // Only the range is read again (`codeRange`): the statements need not stay in memory.
    forgetStatements(notebook, cell);
  }
  const result = { bindings };
  cache.set(notebook, result);
  return result;
}

/** First binding of each name per cell. */
export function firstBindings(globals: CellGlobals): GlobalBinding[] {
  const seen = new Map<Cell, Set<string>>();
  const result: GlobalBinding[] = [];
  for (const b of globals.bindings) {
    let names = seen.get(b.cell);
    if (!names) {
      names = new Set();
      seen.set(b.cell, names);
    }
    if (names.has(b.name)) continue;
    names.add(b.name);
    result.push(b);
  }
  return result;
}

// --- a cell's code, read from its text ------------------------------------------------------------

interface Range {
  readonly start: number;
  readonly end: number;
}

/** The code a cell's bindings are read from, and its statements. */
interface CellLayout {
  readonly range: Range;
  /** Emptied once `cellGlobals` has read them. */
  readonly statements: readonly Statement[];
}

/**
 * What this module computes once per notebook: blanked code by range, and per cell (by index)
 * its blanked text and its layout. One map entry per notebook rather than per cell: weak maps
 * keyed by many short-lived objects are costly to fill and to collect.
 */
interface NotebookState {
  /** Blanked code of `source[start, end)`, keyed by `rangeKey`. */
  readonly blanks: Map<number, string>;
  /** `end + 1` never exceeds it: `start * stride + end` is a unique key. */
  readonly stride: number;
  readonly cellBlanks: Array<Blanked | undefined>;
  /** `null`: the cell has no layout. */
  readonly layouts: Array<CellLayout | null | undefined>;
}

const stateCache = new WeakMap<Notebook, NotebookState>();

function stateOf(notebook: Notebook): NotebookState {
  let state = stateCache.get(notebook);
  if (!state) {
    state = { blanks: new Map(), stride: notebook.source.length + 1, cellBlanks: [], layouts: [] };
    stateCache.set(notebook, state);
  }
  return state;
}

function rangeKey(state: NotebookState, start: number, end: number): number {
  return start * state.stride + end;
}

/** Whether per-cell results may be cached under `cell.index` (a cell of this notebook). */
function ownCell(notebook: Notebook, cell: Cell): boolean {
  return notebook.cells[cell.index] === cell;
}

/**
 * `cellCodeRange(cell, notebook.source)` for a regular cell, read from the text when it can be
 * (same result, no native call); the blanked code of the range is cached for `blankedCode`.
 */
export function codeRange(notebook: Notebook, cell: Cell): Range {
  if (cell.kind !== "cell") return cellCodeRange(cell, notebook.source);
  return cellLayout(notebook, cell)!.range;
}

/** The code range and statements of a regular cell (code range) or of the setup cell (body). */
function cellLayout(notebook: Notebook, cell: Cell): CellLayout | undefined {
  const layouts = stateOf(notebook).layouts;
  const own = ownCell(notebook, cell);
  const cached = own ? layouts[cell.index] : undefined;
  if (cached !== undefined) return cached ?? undefined;
  let layout: CellLayout | undefined;
  if (cell.kind === "cell") layout = layoutFromText(notebook, cell) ?? layoutFromTree(notebook, cellCodeRange(cell, notebook.source));
  else if (cell.kind === "setup" && cell.body) layout = layoutFromTree(notebook, { start: cell.signatureEnd, end: cell.end });
  if (own) layouts[cell.index] = layout ?? null;
  return layout;
}

/** Keeps only the range of a cell's cached layout. */
function forgetStatements(notebook: Notebook, cell: Cell): void {
  const layouts = stateOf(notebook).layouts;
  const layout = layouts[cell.index];
  if (layout && ownCell(notebook, cell)) layouts[cell.index] = { range: layout.range, statements: [] };
}

function layoutFromTree(notebook: Notebook, range: Range): CellLayout {
  return { range, statements: statements(blankedCode(notebook, range.start, range.end), range.start) };
}

/**
 * The code range of a regular cell read from its blanked text, or undefined when the text
 * leaves a doubt (the tree then decides). Mirrors `cellCodeRange`: from the line after the
 * signature's `:` (or from the body itself on a one-line `def`) to the final `return`, or to
 * the end of the body.
 */
function layoutFromText(notebook: Notebook, cell: Cell): CellLayout | undefined {
  const source = notebook.source;
  const whole = blankCell(notebook, cell);
  if (!whole.aligned) return undefined;
  const blank = whole.blank;
  const signatureEnd = signatureColon(blank);
  if (signatureEnd === -1) return undefined;
  const colonAt = cell.start + signatureEnd + 1;
  // The body's first statement on the `def` line, if any (comments and line breaks skipped).
  let bodyStart = colonAt;
  while (bodyStart < cell.end) {
    const c = source.charCodeAt(bodyStart);
    if (c === 32 || c === 9 || c === 12 || c === 13) bodyStart++;
    else break;
  }
  const first = source.charCodeAt(bodyStart);
  if (bodyStart >= cell.end || first === 92) return undefined; // nothing, or a `\` continuation
  const multiLine = first === 35 || first === 10; // `#` or a line break
  const firstBreak = source.indexOf("\n", colonAt);
  if (multiLine && (firstBreak === -1 || firstBreak >= cell.end)) return undefined;
  const start = multiLine ? firstBreak + 1 : bodyStart;
  const all = statements(blank.slice(start - cell.start), start);
  const returnAt = finalReturn(source, blank, cell, all);
  if (returnAt === undefined) return undefined;
  const end = Math.max(start, returnAt === -1 ? cell.end : returnAt);
  const state = stateOf(notebook);
  const key = rangeKey(state, start, end);
  if (!state.blanks.has(key)) state.blanks.set(key, blank.slice(start - cell.start, end - cell.start));
  return { range: { start, end }, statements: returnAt === -1 ? all : all.slice(0, -1) };
}

/**
 * Offset (in the cell's blanked text) of the cell function's `def` keyword, or -1. The first
 * `def` keyword is the cell's (decorators cannot contain one); a `class`, or a `lambda` before
 * it, is left to the tree.
 */
function defKeyword(blank: string): number {
  // The first of the three words not inside a longer word (any non-ASCII code unit counts as a
  // word character), found without a lookbehind, which the regex engine would try everywhere.
  const candidates = DEF_CLASS_LAMBDA;
  candidates.lastIndex = 0;
  for (let m = candidates.exec(blank); m; m = candidates.exec(blank)) {
    const at = m.index;
    // The three words start with different letters: no other one can match at `at`.
    if (!isWordCode(blank.charCodeAt(at - 1)) && !isWordCode(blank.charCodeAt(at + m[0].length))) return m[0] === "def" ? at : -1;
    candidates.lastIndex = at + 1;
  }
  return -1;
}

const DEF_CLASS_LAMBDA = /def|class|lambda/g;

/** An ASCII letter, digit or `_`, or any non-ASCII code unit; false for NaN (out of range). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128;
}

/**
 * `cell.name` of a regular cell, read from the text (no native call) when the name is plain
 * ASCII, which marimo's `_` always is.
 */
export function cellName(notebook: Notebook, cell: Cell): string {
  if (cell.kind !== "cell") return cell.name;
  const { blank, aligned } = blankCell(notebook, cell);
  const def = aligned ? defKeyword(blank) : -1;
  if (def === -1) return cell.name;
  let start = def + 3;
  while (blank.charCodeAt(start) === 32 || blank.charCodeAt(start) === 9) start++;
  let end = start;
  while (end < blank.length && isAsciiWordAt(blank, end)) end++;
  const c = blank.charCodeAt(start);
  const next = blank.charCodeAt(end);
  // An ASCII identifier, followed by ASCII punctuation or a space (not more identifier).
  if (end === start || (c >= 48 && c <= 57) || !(next < 128)) return cell.name;
  return notebook.source.slice(cell.start + start, cell.start + end);
}

/**
 * Offset (in the cell's blanked text) of the `:` that ends the cell function's signature, or
 * -1 (see `defKeyword`; a `lambda` in the signature, whose `:` would mislead, is left to the
 * tree as well).
 */
function signatureColon(blank: string): number {
  const def = defKeyword(blank);
  if (def === -1) return -1;
  let depth = 0;
  for (let i = def + 3; i < blank.length; i++) {
    const c = blank.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 58 && depth === 0) {
      // A `lambda` before this `:` (a default value or the return annotation) is left to the tree.
      return blank.lastIndexOf("lambda", i) > def ? -1 : i;
    }
  }
  return -1;
}

/**
 * Where the body's final `return` statement starts (as `cellCodeRange` excludes it), -1 when
 * the body does not end with one, undefined when the text leaves a doubt.
 */
function finalReturn(source: string, blank: string, cell: Cell, all: readonly Statement[]): number | undefined {
  const last = all.at(-1);
  if (!last || last.inline || last.keyword !== "return") return -1;
  // After it, only comments and blank lines (a string there would be the last statement).
  for (let i = last.end; i < cell.end; ) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12 || c === 13 || c === 10) i++;
    else if (c === 35) {
      const lineEnd = source.indexOf("\n", i);
      i = lineEnd === -1 ? cell.end : lineEnd;
    } else return undefined;
  }
  if (last === all[0]) return last.start;
  // At the body's level: first on its line, indented exactly like the body's first statement.
  const indent = lineIndentation(source, blank, cell.start, last.start);
  if (indent === undefined || indent !== lineIndentation(source, blank, cell.start, all[0]!.start)) return undefined;
  return last.start;
}

/** The whitespace before `at` on its line, or undefined when something else comes first. */
function lineIndentation(source: string, blank: string, base: number, at: number): string | undefined {
  const lineStart = lineStartOf(source, at);
  if (lineStart < base) return undefined;
  for (let i = lineStart; i < at; i++) {
    const c = blank.charCodeAt(i - base);
    if (c !== 32 && c !== 9 && c !== 12) return undefined;
  }
  // Blanked strings are spaces too: the source must be whitespace there as well.
  const indentation = source.slice(lineStart, at);
  return /^[ \t\f]*$/.test(indentation) ? indentation : undefined;
}

// --- blanking strings and comments ---------------------------------------------------------------

/** A comment, or a string literal with its prefix (`f`, `rb`, ...), triple-quoted or not. */
const STRING_OR_COMMENT_SOURCE =
  /#[^\n]*|(?<![\p{L}\p{N}_])[rRbBuUfFtT]{0,2}(?:"""(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"""|$)|'''(?:[^'\\]|\\[\s\S]|'(?!''))*(?:'''|$)|"(?:[^"\\\n]|\\[\s\S])*"?|'(?:[^'\\\n]|\\[\s\S])*'?)/u
    .source;
/** The same, matched at a given offset only. */
const STRING_OR_COMMENT_AT = new RegExp(STRING_OR_COMMENT_SOURCE, "uy");
/** Where a token can start: a quote (perhaps after a prefix) or a `#`. */
const TOKEN_CHAR = /["'#]/g;
const IDENT_PART = /[\p{L}\p{N}_]/u;
const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;

interface Blanked {
  readonly blank: string;
  /**
   * Whether the blanking surely tokenized like Python: every quote opened a string, and no
   * f-string has a quote, a backslash or an open brace in a replacement field (Python 3.12
   * nests quotes there; the pattern above would end the string early).
   */
  readonly aligned: boolean;
}

/**
 * `text` with strings and comments blanked by spaces (line breaks kept, so offsets and line
 * structure stay the same). Same tokens as a global replace of the pattern above, found faster:
 * the pattern runs only where a token can start (a `#`, or a quote with at most two prefix
 * letters before it and no identifier character before those).
 */
function blankText(text: string): Blanked {
  let blank = "";
  let copied = 0;
  let aligned = true;
  const tokenChar = TOKEN_CHAR;
  tokenChar.lastIndex = 0;
  for (let m = tokenChar.exec(text); m; m = tokenChar.exec(text)) {
    const at = m.index;
    const start = text.charCodeAt(at) === 35 ? at : tokenStart(text, at, copied);
    if (start === -1) {
      aligned = false; // a quote that opens no string (`if"a"in x`)
      continue;
    }
    STRING_OR_COMMENT_AT.lastIndex = start;
    const token = STRING_OR_COMMENT_AT.exec(text)![0];
    if (aligned && text.charCodeAt(start) !== 35 && !plainFString(token)) aligned = false;
    blank += text.slice(copied, start) + (token.includes("\n") ? token.replace(/[^\r\n]/g, " ") : " ".repeat(token.length));
    copied = start + token.length;
    tokenChar.lastIndex = copied;
  }
  return { blank: copied === 0 ? text : blank + text.slice(copied), aligned };
}

const PREFIX_LETTERS = new Set([..."rRbBuUfFtT"].map((c) => c.charCodeAt(0)));

/**
 * Where the pattern's match that uses the quote at `quote` starts: the leftmost offset, not
 * before `from`, with only prefix letters up to the quote (at most two) and no identifier
 * character before it; -1 when there is none.
 */
function tokenStart(text: string, quote: number, from: number): number {
  for (let start = Math.max(from, quote - 2); start <= quote; start++) {
    let prefix = true;
    for (let i = start; i < quote; i++) if (!PREFIX_LETTERS.has(text.charCodeAt(i))) prefix = false;
    if (prefix && !identifierBefore(text, start)) return start;
  }
  return -1;
}

/** Whether the code point before `at` is a letter, a digit or `_` (the pattern's lookbehind). */
function identifierBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  const char = c >= 0xdc00 && c <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text[at - 1]!;
  return IDENT_PART.test(char);
}

/** Whether a string token is not an f-string (or t-string), or one without quotes, backslashes or open braces in its fields. */
function plainFString(token: string): boolean {
  let quote = 0;
  while (quote < token.length && token.charCodeAt(quote) !== 34 && token.charCodeAt(quote) !== 39) quote++;
  if (!/[fFtT]/.test(token.slice(0, quote))) return true;
  let depth = 0;
  for (let i = quote + 1; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (depth === 0) {
      if (c === 123) {
        if (token.charCodeAt(i + 1) === 123) i++;
        else depth = 1;
      } else if (c === 125) {
        if (token.charCodeAt(i + 1) === 125) i++;
        else return false;
      }
    } else if (c === 123) depth++;
    else if (c === 125) depth--;
    else if (c === 34 || c === 39 || c === 92) return false;
  }
  return depth === 0;
}

/**
 * `source[start, end)` with strings and comments blanked by spaces (line breaks kept, so offsets
 * and line structure stay the same).
 */
export function blankStringsAndComments(source: string, start: number, end: number): string {
  return blankText(source.slice(start, end)).blank;
}

/** `blankStringsAndComments` of a range of the notebook, computed once per notebook and range. */
export function blankedCode(notebook: Notebook, start: number, end: number): string {
  const state = stateOf(notebook);
  const key = rangeKey(state, start, end);
  let blank = state.blanks.get(key);
  if (blank === undefined) {
    blank = blankStringsAndComments(notebook.source, start, end);
    state.blanks.set(key, blank);
  }
  return blank;
}

/** The whole cell (decorators to the end of the body) blanked, cached for `blankedCode` too. */
function blankCell(notebook: Notebook, cell: Cell): Blanked {
  const state = stateOf(notebook);
  const own = ownCell(notebook, cell);
  let blanked = own ? state.cellBlanks[cell.index] : undefined;
  if (!blanked) {
    blanked = blankText(notebook.source.slice(cell.start, cell.end));
    if (own) state.cellBlanks[cell.index] = blanked;
    const key = rangeKey(state, cell.start, cell.end);
    if (!state.blanks.has(key)) state.blanks.set(key, blanked.blank);
  }
  return blanked;
}

// --- the scanner ---------------------------------------------------------------------------------

type RawBinding = Omit<GlobalBinding, "cell">;

interface Statement {
  /** Offsets in the source; `text` is the blanked source between them. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Indentation width of the line the statement starts on. */
  readonly indent: number;
  /** `keywordOf(text)`. */
  readonly keyword: string;
  /** The body of a one-line compound statement (`y = 1` in `if x: y = 1`). */
  readonly inline: boolean;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/** `IDENT_PART.test(text[at])`, false past the end. */
function isIdentPartAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== c) return false; // NaN: past the end
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return IDENT_PART.test(text[at]!);
}

/** `IDENT.test(name)`. */
function isIdentifier(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return IDENT.test(name);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}

function isOpening(code: number): boolean {
  return code === 40 || code === 91 || code === 123; // ( [ {
}

function isClosing(code: number): boolean {
  return code === 41 || code === 93 || code === 125; // ) ] }
}

/** Whether `text[at]` is an ASCII word character (`\w` without the `u` flag). */
function isAsciiWordAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 10;
}

/**
 * Splits blanked code into logical statements (`;` and one-line compound bodies split too).
 * Line by line: a line's indentation, then its brackets and `;`; a line break ends the
 * statement unless a bracket is open or the line ends with `\\`.
 */
function statements(blank: string, base: number): Statement[] {
  const result: Statement[] = [];
  const length = blank.length;
  let depth = 0;
  /** Start of the statement being read, or -1. */
  let stmtStart = -1;
  /** Indentation width of the line the statement starts on. */
  let indent = 0;
  let i = 0;
  while (i <= length) {
    let lineIndent = 0;
    for (; i < length; i++) {
      const c = blank.charCodeAt(i);
      if (c === 32) lineIndent++;
      else if (c === 9) lineIndent = lineIndent - (lineIndent % 8) + 8;
      else if (c === 12) lineIndent = 0;
      else if (c !== 13) break;
    }
    let lineEnd = blank.indexOf("\n", i);
    if (lineEnd === -1) lineEnd = length;
    /** The line's last character other than a space or tab (0 for none), for `\\` continuations. */
    let lastCode = 0;
    if (i < lineEnd) {
      if (stmtStart === -1) {
        stmtStart = i;
        if (depth === 0) indent = lineIndent;
      }
      for (let j = i; j < lineEnd; j++) {
        const c = blank.charCodeAt(j);
        if (c === 40 || c === 91 || c === 123) depth++;
        else if (c === 41 || c === 93 || c === 125) depth = depth > 0 ? depth - 1 : 0;
        else if (c === 59 && depth === 0) {
          // `;`: the next statement starts at the next character other than a space.
          pushStatement(result, blank, base, stmtStart, j, indent);
          stmtStart = -1;
          while (j + 1 < lineEnd && isInlineSpace(blank.charCodeAt(j + 1))) j++;
          if (j + 1 < lineEnd) stmtStart = j + 1;
        }
      }
      let last = lineEnd - 1;
      while (isInlineSpace(blank.charCodeAt(last))) last--;
      if (last >= i) lastCode = blank.charCodeAt(last);
    }
    if (stmtStart !== -1 && depth === 0 && lastCode !== 92) {
      pushStatement(result, blank, base, stmtStart, lineEnd, indent);
      stmtStart = -1;
    }
    i = lineEnd + 1;
  }
  return result;
}

/** A space, tab, carriage return or form feed (not a line break). */
function isInlineSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12;
}

/** Adds the statement `blank[stmtStart, endIndex)` (trailing spaces trimmed), split if it is a one-line compound statement. */
function pushStatement(result: Statement[], blank: string, base: number, stmtStart: number, endIndex: number, indent: number): void {
  let end = endIndex;
  while (end > stmtStart && isSpace(blank.charCodeAt(end - 1))) end--;
  const text = blank.slice(stmtStart, end);
  const keyword = keywordOf(text);
  const colon = COMPOUND.has(keyword) ? headerColon(text) : -1;
  if (colon !== -1 && text.slice(colon + 1).trim() !== "") {
    // One-line compound statements: `if x: y = 1`, `for a in b: c = a`, `else: d = 2`.
    const header = text.slice(0, colon + 1);
    const start = base + stmtStart;
    result.push({ start, end: start + header.length, text: header, indent, keyword, inline: false });
    const rest = text.slice(colon + 1);
    const restText = rest.trimStart();
    const lead = rest.length - restText.length;
    result.push({ start: start + colon + 1 + lead, end: base + end, text: restText, indent: indent + 1, keyword: keywordOf(restText), inline: true });
  } else result.push({ start: base + stmtStart, end: base + end, text, indent, keyword, inline: false });
}

const COMPOUND = new Set(["if", "elif", "else", "for", "while", "with", "try", "except", "finally"]);
const NO_BINDING = new Set(["if", "elif", "else", "while", "try", "except", "finally", "return", "raise", "assert", "del", "pass", "break", "continue", "global", "nonlocal"]);

/** The statement's leading keyword-like word (after `async`), or "" when it starts otherwise. */
function keywordOf(text: string): string {
  let start = 0;
  for (;;) {
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || c === 95) i++;
      else break;
    }
    if (i < text.length && isIdentPartAt(text, i)) return "";
    const word = text.slice(start, i);
    if (word !== "async") return word;
    start = i;
    while (start < text.length && (text[start] === " " || text[start] === "\t")) start++;
  }
}

/** Index of the `:` that ends a compound statement header, at bracket depth 0 (lambdas skipped). */
function headerColon(text: string): number {
  let depth = 0;
  let lambdas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isOpening(c)) depth++;
    else if (isClosing(c)) depth--;
    else if (depth === 0 && c === 108 && text.startsWith("lambda", i) && !isAsciiWordAt(text, i + 6) && (i === 0 || !isIdentPartAt(text, i - 1))) lambdas++; // `l`
    else if (depth === 0 && c === 58 && text.charCodeAt(i + 1) !== 61) {
      if (lambdas > 0) lambdas--;
      else return i;
    }
  }
  return -1;
}

/** The top-level bindings of a cell's statements, in source order. */
function scanStatements(list: readonly Statement[], cell: Cell): GlobalBinding[] {
  const found: RawBinding[] = [];
  /** Indentations of the nested `def`/`class` bodies we are in. */
  const nested: number[] = [];
  /** Names declared `global` in the nested functions met since the last top-level statement. */
  const globals = new Set<string>();
  for (const s of list) {
    while (nested.length > 0 && s.indent <= nested.at(-1)!) nested.pop();
    const atTop = nested.length === 0;
    const word = s.keyword;
    const header = word === "def" || word === "class" ? /^(?:async\s+)?(def|class)\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(s.text) : null;
    if (header) {
      if (atTop) {
        const nameStart = s.start + header[0].length - header[2]!.length;
        found.push({ name: header[2]!, kind: header[1] === "def" ? "function" : "class", start: nameStart, end: nameStart + header[2]!.length, statementStart: s.start, statementEnd: s.end });
      }
      nested.push(s.indent);
      continue;
    }
    if (!atTop) {
      // `global X` in a nested function, then an assignment of X there, defines X for the cell.
      const global = word === "global" ? /^global\s+(.*)$/su.exec(s.text) : null;
      if (global) for (const [name] of identifiersIn(global[1]!, 0)) globals.add(name);
      else if (globals.size > 0) {
        const local: RawBinding[] = [];
        readStatement(s, word, local);
        for (const b of local) if (globals.has(b.name)) found.push(b);
      }
      continue;
    }
    globals.clear();
    readStatement(s, word, found);
  }
  // Mostly in order already (a walrus target can come before the statement's other targets).
  if (!isSortedByStart(found)) found.sort(byStart);
  return found.map((b) => ({ name: b.name, cell, kind: b.kind, start: b.start, end: b.end, statementStart: b.statementStart, statementEnd: b.statementEnd }));
}

function isSortedByStart(list: readonly RawBinding[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.start > list[i]!.start) return false;
  return true;
}

function binding(written: string, kind: BindingKind, at: number, s: Statement): RawBinding {
  // Python NFKC-normalizes identifiers (`ﬁle` is `file`).
  const name = isAscii(written) ? written : written.normalize("NFKC");
  return { name, kind, start: at, end: at + written.length, statementStart: s.start, statementEnd: s.end };
}

/** Identifiers separated by commas (`a, b`), with their offsets. */
function identifiersIn(text: string, base: number): Array<[string, number]> {
  const result: Array<[string, number]> = [];
  for (const m of text.matchAll(/[\p{L}_][\p{L}\p{N}_]*/gu)) result.push([m[0], base + m.index!]);
  return result;
}

function readStatement(s: Statement, word: string, found: RawBinding[]): void {
  const text = s.text;
  // Walrus targets anywhere in the statement (comprehensions bind in the enclosing scope).
  if (text.includes(":=")) {
    for (const m of text.matchAll(/([\p{L}_][\p{L}\p{N}_]*)\s*:=/gu)) {
      if (!insideLambda(text, m.index!)) found.push(binding(m[1]!, "variable", s.start + m.index!, s));
    }
  }
  let m: RegExpExecArray | null;
  if (NO_BINDING.has(word)) return;
  if (word === "import" && (m = /^import\s+/.exec(text))) {
    readImportNames(text.slice(m[0].length), s.start + m[0].length, s, found, true);
    return;
  }
  if (word === "from" && /^from\s+__future__\b/.test(text)) return;
  if (word === "from" && (m = /^from\s(?:\s*[.\p{L}\p{N}_])*?\s+import\s+/u.exec(text))) {
    readImportNames(text.slice(m[0].length), s.start + m[0].length, s, found, false);
    return;
  }
  if (word === "for" && (m = /^(async\s+)?for\s+/.exec(text))) {
    const rest = text.slice(m[0].length);
    const inAt = topLevelKeyword(rest, "in");
    if (inAt !== -1) readTargets(rest.slice(0, inAt), s.start + m[0].length, s, found);
    return;
  }
  if (word === "with" && (m = /^(async\s+)?with\b/.exec(text))) {
    for (const as of text.matchAll(/\bas\s+(\([^)]*\)|\[[^\]]*\]|[\p{L}_][\p{L}\p{N}_]*)/gu)) {
      readTargets(as[1]!, s.start + as.index! + as[0].length - as[1]!.length, s, found);
    }
    return;
  }
  // `match` and `case` are soft keywords: `match = re.match(...)` is an assignment.
  if ((word === "match" || word === "case") && /^(match|case)\b(?![ \t]*[=.,(\[:)])/.test(text) && text.endsWith(":")) return;
  if (word === "type" && (m = /^type\s+([\p{L}_][\p{L}\p{N}_]*)(?:\[[^\]]*\])?\s*=/u.exec(text))) {
    found.push(binding(m[1]!, "variable", s.start + 5 + (text.slice(5).length - text.slice(5).trimStart().length), s));
    return;
  }
  // Assignments: every target before a top-level `=` (chained `a = b = 1`), or an annotated name.
  const equals = assignmentOperators(text);
  if (equals.length === 0) {
    const annotated = text.includes(":") ? /^([\p{L}_][\p{L}\p{N}_]*)\s*:(?!=)/u.exec(text) : null;
    if (annotated) found.push(binding(annotated[1]!, "variable", s.start, s));
    return;
  }
  let from = 0;
  for (const eq of equals) {
    let target = text.slice(from, eq.at);
    const targetStart = from;
    from = eq.at + eq.length;
    // `x: int = 1`: the annotation is not a target.
    const colon = topLevelChar(target, ":");
    if (colon !== -1) target = target.slice(0, colon);
    readTargets(target, s.start + targetStart, s, found);
    if (eq.augmented) break;
  }
}

function readImportNames(names: string, base: number, s: Statement, found: RawBinding[], plain: boolean): void {
  let offset = 0;
  for (const part of names.split(",")) {
    const partStart = offset;
    offset += part.length + 1;
    const alias = /\bas\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(part);
    if (alias) {
      found.push(binding(alias[1]!, "import", base + partStart + alias.index! + alias[0].length - alias[1]!.length, s));
      continue;
    }
    const first = /[\p{L}_][\p{L}\p{N}_]*/u.exec(part);
    if (!first || first[0] === "import") continue;
    // `import a.b` binds `a`; `from m import x` binds `x`; `from m import *` binds nothing seen.
    if (!plain && /\./.test(part.trim())) continue;
    found.push(binding(first[0], "import", base + partStart + first.index!, s));
  }
}

/** Reads assignment / for / with targets: names, tuples and lists of them, starred names. */
function readTargets(target: string, base: number, s: Statement, found: RawBinding[]): void {
  const trimmed = target.trim();
  if (trimmed === "") return;
  const lead = target.length - target.trimStart().length;
  const at = base + lead;
  const open = trimmed[0];
  const close = open === "(" ? ")" : open === "[" ? "]" : undefined;
  if (close && trimmed.endsWith(close) && matchingBracket(trimmed, 0) === trimmed.length - 1) {
    readTargets(trimmed.slice(1, -1), at + 1, s, found);
    return;
  }
  // Without a comma there is a single part.
  const parts = trimmed.includes(",") ? splitTopLevel(trimmed, ",") : undefined;
  if (parts && parts.length > 1) {
    for (const [part, offset] of parts) readTargets(part, at + offset, s, found);
    return;
  }
  const name = trimmed.startsWith("*") ? trimmed.slice(1).trim() : trimmed;
  if (isIdentifier(name) && !KEYWORDS.has(name)) found.push(binding(name, "variable", at + trimmed.length - name.length, s));
}

const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isOpening(c)) depth++;
    else if (isClosing(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function splitTopLevel(text: string, separator: string): Array<[string, number]> {
  const parts: Array<[string, number]> = [];
  const separatorCode = separator.charCodeAt(0);
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isOpening(c)) depth++;
    else if (isClosing(c)) depth--;
    else if (c === separatorCode && depth === 0) {
      parts.push([text.slice(start, i), start]);
      start = i + 1;
    }
  }
  parts.push([text.slice(start), start]);
  return parts.filter(([p]) => p.trim() !== "");
}

function topLevelChar(text: string, char: string): number {
  const charCode = char.charCodeAt(0);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isOpening(c)) depth++;
    else if (isClosing(c)) depth--;
    else if (c === charCode && depth === 0) return i;
  }
  return -1;
}

/** Offset of a keyword at bracket depth 0 (`in` of a `for` header). */
function topLevelKeyword(text: string, keyword: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isOpening(c)) depth++;
    else if (isClosing(c)) depth--;
    else if (depth === 0 && text.startsWith(keyword, i) && (i === 0 || !isIdentPartAt(text, i - 1)) && !isIdentPartAt(text, i + keyword.length)) return i;
  }
  return -1;
}

interface AssignmentOperator {
  readonly at: number;
  readonly length: number;
  readonly augmented: boolean;
}

/** The `=` (and `+=`, `//=`, ...) operators at bracket depth 0, before any `lambda`. */
function assignmentOperators(text: string): AssignmentOperator[] {
  const result: AssignmentOperator[] = [];
  // Nothing after the last `=` can be an assignment operator.
  const lastEquals = text.lastIndexOf("=");
  if (lastEquals === -1) return result;
  let depth = 0;
  for (let i = 0; i <= lastEquals; i++) {
    const c = text.charCodeAt(i);
    if (isOpening(c)) depth++;
    else if (isClosing(c)) depth--;
    else if (depth !== 0) continue;
    else if (c === 108 && text.startsWith("lambda", i) && (i === 0 || !isIdentPartAt(text, i - 1)) && !isIdentPartAt(text, i + 6)) break; // `l`
    else if (c === 61) {
      // `=`
      const next = text.charCodeAt(i + 1);
      const prev = text.charCodeAt(i - 1);
      if (next === 61) {
        i++;
        continue;
      }
      if (prev === 61 || prev === 33 || prev === 58) continue; // `==`, `!=`, `:=`
      if (prev === 60 || prev === 62) {
        // `<<=` and `>>=` assign; `<=` and `>=` compare.
        if (text.charCodeAt(i - 2) === prev) result.push({ at: i - 2, length: 3, augmented: true });
        continue;
      }
      const op = augmentedOperatorLength(text, i);
      if (op > 0) {
        result.push({ at: i - op, length: op + 1, augmented: true });
        break;
      }
      result.push({ at: i, length: 1, augmented: false });
    }
  }
  return result;
}

/** Length of the augmented-assignment operator before the `=` at `at` (`+`, `//`, `**`, ...), or 0. */
function augmentedOperatorLength(text: string, at: number): number {
  const prev = text.charCodeAt(at - 1);
  const before = at >= 2 ? text.charCodeAt(at - 2) : 0;
  if ((prev === 42 || prev === 47) && before === prev) return 2; // `**`, `//`
  // - + * / % @ & | ^
  return prev === 45 || prev === 43 || prev === 42 || prev === 47 || prev === 37 || prev === 64 || prev === 38 || prev === 124 || prev === 94 ? 1 : 0;
}

function insideLambda(text: string, at: number): boolean {
  return /\blambda\b[^:]*$/.test(text.slice(0, at));
}

// --- who mentions a name -----------------------------------------------------------------------

export interface WordIndex {
  /** How often a word occurs in the cells (code, strings and comments alike). */
  count(word: string): number;
  /** How often it occurs in one cell's text (signature and return included). */
  countIn(cell: Cell, word: string): number;
}

/** A word's counts: most words occur in one cell only, which needs no map. */
interface WordCount {
  total: number;
  /** The first cell it occurs in, and how often there (while it occurs in that cell only). */
  readonly firstCell: number;
  firstCount: number;
  /** Counts per cell, once it occurs in a second cell. */
  byCell: Map<number, number> | undefined;
}

const wordCache = new WeakMap<Notebook, WordIndex>();

/**
 * Counts the identifier-like words of `text[start, end)` of a cell. Any non-ASCII character
 * counts as a word character: a superset of Python's identifier characters, which keeps every
 * identifier whole (code delimits identifiers with ASCII punctuation and spaces) and costs no
 * Unicode regex.
 */
function countWords(text: string, start: number, end: number, cellIndex: number, counts: Map<string, WordCount>): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const isStart = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
    if (!isStart) {
      i++;
      continue;
    }
    let nonAscii = c >= 128;
    let j = i + 1;
    while (j < end) {
      const d = text.charCodeAt(j);
      if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95) j++;
      else if (d >= 128) {
        nonAscii = true;
        j++;
      } else break;
    }
    let word = text.slice(i, j);
    // Python NFKC-normalizes identifiers: `ﬁle` and `file` are one name.
    if (nonAscii) word = word.normalize("NFKC");
    const entry = counts.get(word);
    if (!entry) counts.set(word, { total: 1, firstCell: cellIndex, firstCount: 1, byCell: undefined });
    else {
      entry.total++;
      if (entry.byCell) entry.byCell.set(cellIndex, (entry.byCell.get(cellIndex) ?? 0) + 1);
      else if (entry.firstCell === cellIndex) entry.firstCount++;
      else entry.byCell = new Map([[entry.firstCell, entry.firstCount], [cellIndex, 1]]);
    }
    i = j;
  }
}

/** Word counts over the cells of the notebook, for "does any other cell mention this name". */
export function wordIndex(notebook: Notebook): WordIndex {
  let index = wordCache.get(notebook);
  if (!index) {
    const counts = new Map<string, WordCount>();
    for (const cell of notebook.cells) countWords(notebook.source, cell.start, cell.end, cell.index, counts);
    index = {
      count: (word) => counts.get(word)?.total ?? 0,
      countIn: (cell, word) => {
        const entry = counts.get(word);
        if (!entry) return 0;
        if (entry.byCell) return entry.byCell.get(cell.index) ?? 0;
        return entry.firstCell === cell.index ? entry.firstCount : 0;
      },
    };
    wordCache.set(notebook, index);
  }
  return index;
}
