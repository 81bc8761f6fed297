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
import type { Cell, Notebook } from "../../notebook/model.js";
import { cellCodeRange } from "../../notebook/dataflow.js";
import { isPrivateName } from "../../notebook/scope.js";

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
    const range = cell.kind === "cell" ? cellCodeRange(cell, notebook.source) : bodyRange(cell);
    if (!range) continue;
    for (const b of scanBlanked(blankedCode(notebook, range.start, range.end), range.start)) {
      if (!isPrivateName(b.name)) bindings.push({ ...b, cell });
    }
  }
  const result = { bindings };
  cache.set(notebook, result);
  return result;
}

function bodyRange(cell: Cell): { start: number; end: number } | undefined {
  if (!cell.body) return undefined;
  return { start: cell.signatureEnd, end: cell.end };
}

/** First binding of each name per cell. */
export function firstBindings(globals: CellGlobals): GlobalBinding[] {
  const seen = new Set<string>();
  const result: GlobalBinding[] = [];
  for (const b of globals.bindings) {
    const key = `${b.cell.index}\u0000${b.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(b);
  }
  return result;
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
}

const IDENT_PART = /[\p{L}\p{N}_]/u;
const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** A comment, or a string literal with its prefix (`f`, `rb`, ...), triple-quoted or not. */
const STRING_OR_COMMENT =
  /#[^\n]*|(?<![\p{L}\p{N}_])[rRbBuUfFtT]{0,2}(?:"""(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"""|$)|'''(?:[^'\\]|\\[\s\S]|'(?!''))*(?:'''|$)|"(?:[^"\\\n]|\\[\s\S])*"?|'(?:[^'\\\n]|\\[\s\S])*'?)/gu;

/**
 * `source[start, end)` with strings and comments blanked by spaces (line breaks kept, so offsets
 * and line structure stay the same).
 */
export function blankStringsAndComments(source: string, start: number, end: number): string {
  return source.slice(start, end).replace(STRING_OR_COMMENT, (token) => (token.includes("\n") ? token.replace(/[^\r\n]/g, " ") : " ".repeat(token.length)));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 10;
}

/** Splits blanked code into logical statements (`;` and one-line compound bodies split too). */
function statements(blank: string, base: number): Statement[] {
  const result: Statement[] = [];
  let depth = 0;
  let stmtStart = -1;
  let indent = 0;
  /** Indentation width so far on the current line, or -1 once something else was seen. */
  let lineIndent = 0;
  /** Last character on the current line other than a space or tab (for `\` continuations). */
  let lastCode = 0;
  const flush = (endIndex: number) => {
    if (stmtStart === -1) return;
    let end = endIndex;
    while (end > stmtStart && isSpace(blank.charCodeAt(end - 1))) end--;
    result.push({ start: base + stmtStart, end: base + end, text: blank.slice(stmtStart, end), indent });
    stmtStart = -1;
  };
  const length = blank.length;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? blank.charCodeAt(i) : 10;
    if (c === 10) {
      const continued = depth > 0 || lastCode === 92; // backslash
      if (!continued) flush(i);
      lineIndent = 0;
      lastCode = 0;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 12) {
      if (lineIndent !== -1) lineIndent = c === 9 ? lineIndent - (lineIndent % 8) + 8 : c === 12 ? 0 : c === 32 ? lineIndent + 1 : lineIndent;
      continue;
    }
    lastCode = c;
    if (stmtStart === -1) {
      stmtStart = i;
      if (depth === 0 && lineIndent !== -1) indent = lineIndent;
    }
    lineIndent = -1;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth = depth > 0 ? depth - 1 : 0;
    else if (c === 59 && depth === 0) flush(i); // `;`
  }
  // One-line compound statements: `if x: y = 1`, `for a in b: c = a`, `else: d = 2`.
  const split: Statement[] = [];
  for (const s of result) {
    const colon = COMPOUND.has(keywordOf(s.text)) ? headerColon(s.text) : -1;
    if (colon !== -1 && s.text.slice(colon + 1).trim() !== "") {
      const header = s.text.slice(0, colon + 1);
      split.push({ ...s, end: s.start + header.length, text: header });
      const rest = s.text.slice(colon + 1);
      const lead = rest.length - rest.trimStart().length;
      split.push({ start: s.start + colon + 1 + lead, end: s.end, text: rest.trimStart(), indent: s.indent + 1 });
    } else split.push(s);
  }
  return split;
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
    if (i < text.length && IDENT_PART.test(text[i]!)) return "";
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
    const c = text[i]!;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (depth === 0 && c === "l" && /^lambda\b/.test(text.slice(i)) && (i === 0 || !IDENT_PART.test(text[i - 1]!))) lambdas++;
    else if (depth === 0 && c === ":" && text[i + 1] !== "=") {
      if (lambdas > 0) lambdas--;
      else return i;
    }
  }
  return -1;
}

const blankCache = new WeakMap<Notebook, Map<string, string>>();

/** `blankStringsAndComments` of a range of the notebook, computed once per notebook and range. */
export function blankedCode(notebook: Notebook, start: number, end: number): string {
  let cache = blankCache.get(notebook);
  if (!cache) {
    cache = new Map();
    blankCache.set(notebook, cache);
  }
  const key = `${start}:${end}`;
  let blank = cache.get(key);
  if (blank === undefined) {
    blank = blankStringsAndComments(notebook.source, start, end);
    cache.set(key, blank);
  }
  return blank;
}

/** The top-level bindings of blanked code that starts at offset `start` of the source. */
function scanBlanked(blank: string, start: number): RawBinding[] {
  const found: RawBinding[] = [];
  /** Indentations of the nested `def`/`class` bodies we are in. */
  const nested: number[] = [];
  /** Names declared `global` in the nested functions met since the last top-level statement. */
  const globals = new Set<string>();
  for (const s of statements(blank, start)) {
    while (nested.length > 0 && s.indent <= nested.at(-1)!) nested.pop();
    const atTop = nested.length === 0;
    const word = keywordOf(s.text);
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
  return found.sort((a, b) => a.start - b.start);
}

function binding(written: string, kind: BindingKind, at: number, s: Statement): RawBinding {
  // Python NFKC-normalizes identifiers (`ﬁle` is `file`).
  const name = /^[\x00-\x7f]*$/.test(written) ? written : written.normalize("NFKC");
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
  if (word === "from" && (m = /^from\s+[.\p{L}\p{N}_\s]*?\s+import\s+/u.exec(text))) {
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
    const annotated = /^([\p{L}_][\p{L}\p{N}_]*)\s*:(?!=)/u.exec(text);
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
  const parts = splitTopLevel(trimmed, ",");
  if (parts.length > 1) {
    for (const [part, offset] of parts) readTargets(part, at + offset, s, found);
    return;
  }
  const name = trimmed.startsWith("*") ? trimmed.slice(1).trim() : trimmed;
  if (IDENT.test(name) && !KEYWORDS.has(name)) found.push(binding(name, "variable", at + trimmed.length - name.length, s));
}

const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
  "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function splitTopLevel(text: string, separator: string): Array<[string, number]> {
  const parts: Array<[string, number]> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === separator && depth === 0) {
      parts.push([text.slice(start, i), start]);
      start = i + 1;
    }
  }
  parts.push([text.slice(start), start]);
  return parts.filter(([p]) => p.trim() !== "");
}

function topLevelChar(text: string, char: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === char && depth === 0) return i;
  }
  return -1;
}

/** Offset of a keyword at bracket depth 0 (`in` of a `for` header). */
function topLevelKeyword(text: string, keyword: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (depth === 0 && text.startsWith(keyword, i) && (i === 0 || !IDENT_PART.test(text[i - 1]!)) && !IDENT_PART.test(text[i + keyword.length] ?? " ")) return i;
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
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (depth !== 0) continue;
    else if (c === "l" && text.startsWith("lambda", i) && (i === 0 || !IDENT_PART.test(text[i - 1]!)) && !IDENT_PART.test(text[i + 6] ?? " ")) break;
    else if (c === "=") {
      const next = text[i + 1];
      const prev = text[i - 1] ?? "";
      if (next === "=") {
        i++;
        continue;
      }
      if (prev === "=" || prev === "!" || prev === ":") continue;
      if (prev === "<" || prev === ">") {
        // `<<=` and `>>=` assign; `<=` and `>=` compare.
        if (text[i - 2] === prev) result.push({ at: i - 2, length: 3, augmented: true });
        continue;
      }
      const op = /(?:\*\*|\/\/|[-+*/%@&|^])$/.exec(text.slice(Math.max(0, i - 2), i));
      if (op) {
        result.push({ at: i - op[0].length, length: op[0].length + 1, augmented: true });
        break;
      }
      result.push({ at: i, length: 1, augmented: false });
    }
  }
  return result;
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

const wordCache = new WeakMap<Notebook, { all: Map<string, number>; byCell: Map<number, Map<string, number>> }>();

/**
 * Counts the identifier-like words of `text[start, end)` into `counts`. Any non-ASCII character
 * counts as a word character: a superset of Python's identifier characters, which keeps every
 * identifier whole (code delimits identifiers with ASCII punctuation and spaces) and costs no
 * Unicode regex.
 */
function countWords(text: string, start: number, end: number, counts: Map<string, number>): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const isStart = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
    if (!isStart) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end) {
      const d = text.charCodeAt(j);
      if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95 || d >= 128) j++;
      else break;
    }
    let word = text.slice(i, j);
    // Python NFKC-normalizes identifiers: `ﬁle` and `file` are one name.
    if (/[^\x00-\x7f]/.test(word)) word = word.normalize("NFKC");
    counts.set(word, (counts.get(word) ?? 0) + 1);
    i = j;
  }
}

/** Word counts over the cells of the notebook, for "does any other cell mention this name". */
export function wordIndex(notebook: Notebook): WordIndex {
  let entry = wordCache.get(notebook);
  if (!entry) {
    const all = new Map<string, number>();
    const byCell = new Map<number, Map<string, number>>();
    for (const cell of notebook.cells) {
      const counts = new Map<string, number>();
      countWords(notebook.source, cell.start, cell.end, counts);
      byCell.set(cell.index, counts);
      for (const [word, n] of counts) all.set(word, (all.get(word) ?? 0) + n);
    }
    entry = { all, byCell };
    wordCache.set(notebook, entry);
  }
  const { all, byCell } = entry;
  return {
    count: (word) => all.get(word) ?? 0,
    countIn: (cell, word) => byCell.get(cell.index)?.get(word) ?? 0,
  };
}
