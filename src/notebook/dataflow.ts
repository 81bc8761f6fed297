// Notebook-wide dataflow: each cell's refs and defs, the names visible everywhere (setup cell,
// unshadowed builtins, top-level functions), and from them each cell's canonical parameters
// and returns (marimo-format.md, section 4).
//
// Computed lazily: analysing a cell walks its syntax tree from JavaScript, so a question about
// one name (who defines `torch`? does any cell read `seed`?) analyses only the cells whose text
// contains that name. Iterating a map or set of the dataflow analyses every cell.
import { PYTHON_BUILTINS } from "./builtins.js";
import type { Cell, Notebook } from "./model.js";
import { endOf, startOf } from "./python.js";
import { analyzeCell, definedNames, type CellVariables } from "./scope.js";
import { keepClosures, keepShape } from "./shapes.js";
import { endBeforeLineBreak } from "./text.js";

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
const CACHE_LIMIT = 1024;
const CACHE_TEXT_LIMIT = 8 * 1024 * 1024;
let cachedText = 0;

export function cellVariables(cell: Cell, source: string): CellVariables {
  if (cell.kind === "unparsable") return { refs: new Set(), defs: new Set(), annotations: new Map(), hasTopLevelAwait: false };
  const key = `${cell.kind}\u0000${source.slice(cell.start, cell.end)}`;
  const cached = analysisCache.get(key);
  if (cached) return cached;
  let result: CellVariables;
  if (cell.kind === "function" || cell.kind === "class") {
    result = analyzeCell(cell.definition ? [cell.definition] : []);
  } else {
    result = analyzeCell(cell.statements);
  }
  if (analysisCache.size >= CACHE_LIMIT || cachedText + key.length > CACHE_TEXT_LIMIT) {
    analysisCache.clear();
    cachedText = 0;
  }
  analysisCache.set(key, result);
  cachedText += key.length;
  return result;
}

const ID_CONTINUE = /[\p{XID_Continue}]/u;

function isWordChar(text: string, at: number, cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) || cp === 95;
  return at >= 0 && ID_CONTINUE.test(String.fromCodePoint(cp));
}

/** Code point of the character that ends just before `at`, or -1 at the start. */
function codePointBefore(text: string, at: number): number {
  if (at <= 0) return -1;
  const c = text.charCodeAt(at - 1);
  if (c >= 0xdc00 && c <= 0xdfff && at >= 2) {
    const h = text.charCodeAt(at - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** Whether `name` (ASCII) occurs in `text` as a whole identifier-like word. */
function occursAsWord(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const before = codePointBefore(text, i);
    if (before !== -1 && isWordChar(text, i - 1, before)) continue;
    const end = i + name.length;
    if (end < text.length && isWordChar(text, end, text.codePointAt(end)!)) continue;
    return true;
  }
  return false;
}

/** Whether the word at `at` follows `def`, `class` or `type` (past blanks and line continuations). */
function afterDefinitionKeyword(text: string, at: number): boolean {
  let j = at;
  for (;;) {
    const c = text.charCodeAt(j - 1);
    if (c === 32 || c === 9 || c === 12) j--;
    else if (c === 10 && text.charCodeAt(j - 2) === 92) j -= 2;
    else if (c === 10 && text.charCodeAt(j - 2) === 13 && text.charCodeAt(j - 3) === 92) j -= 3;
    else break;
  }
  if (j === at) return false;
  const word = /(?:def|class|type)$/.exec(text.slice(Math.max(0, j - 5), j))?.[0];
  if (!word) return false;
  const before = codePointBefore(text, j - word.length);
  return before === -1 || !isWordChar(text, j - word.length - 1, before);
}

/** Identifier-like words of `text` that contain a non-ASCII character, NFKC-normalized as Python does. */
function nonAsciiWords(text: string): Set<string> {
  const words = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 128) continue;
    const cp = text.codePointAt(i)!;
    if (!isWordChar(text, i, cp)) {
      if (cp > 0xffff) i++;
      continue;
    }
    let start = i;
    for (let b = codePointBefore(text, start); b !== -1 && isWordChar(text, start - 1, b); b = codePointBefore(text, start)) start -= b > 0xffff ? 2 : 1;
    let end = i;
    while (end < text.length) {
      const c = text.codePointAt(end)!;
      if (!isWordChar(text, end, c)) break;
      end += c > 0xffff ? 2 : 1;
    }
    words.add(text.slice(start, end).normalize("NFKC"));
    i = end - 1;
  }
  return words;
}

/** A read-only set whose membership test and iteration are computed on demand. */
class LazySet implements ReadonlySet<string> {
  private all: Set<string> | undefined;
  private readonly known = new Map<string, boolean>();
  constructor(
    private readonly test: (name: string) => boolean,
    private readonly build: () => Set<string>,
  ) {
    keepShape(this);
  }
  private force(): Set<string> {
    return (this.all ??= this.build());
  }
  has(name: string): boolean {
    if (this.all) return this.all.has(name);
    let result = this.known.get(name);
    if (result === undefined) this.known.set(name, (result = this.test(name)));
    return result;
  }
  get size(): number {
    return this.force().size;
  }
  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const v of this.force()) callback.call(thisArg, v, v, this);
  }
  entries(): SetIterator<[string, string]> {
    return this.force().entries();
  }
  keys(): SetIterator<string> {
    return this.force().keys();
  }
  values(): SetIterator<string> {
    return this.force().values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.force()[Symbol.iterator]();
  }
}

/** A read-only map whose lookups and iteration are computed on demand. */
class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private all: Map<K, V> | undefined;
  private readonly known = new Map<K, V | undefined>();
  constructor(
    private readonly lookup: (key: K) => V | undefined,
    private readonly build: () => Map<K, V>,
  ) {
    keepShape(this);
  }
  private force(): Map<K, V> {
    return (this.all ??= this.build());
  }
  get(key: K): V | undefined {
    if (this.all) return this.all.get(key);
    if (this.known.has(key)) return this.known.get(key);
    const value = this.lookup(key);
    this.known.set(key, value);
    return value;
  }
  has(key: K): boolean {
    return this.get(key) !== undefined;
  }
  get size(): number {
    return this.force().size;
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.force()) callback.call(thisArg, v, k, this);
  }
  entries(): MapIterator<[K, V]> {
    return this.force().entries();
  }
  keys(): MapIterator<K> {
    return this.force().keys();
  }
  values(): MapIterator<V> {
    return this.force().values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.force()[Symbol.iterator]();
  }
}

export function computeDataflow(notebook: Notebook): Dataflow {
  const cells = notebook.cells;
  const source = notebook.source;
  const analysed = new Map<number, CellVariables>();
  const texts = new Map<number, { text: string; nonAscii: Set<string> | undefined }>();

  const varsOf = (cell: Cell): CellVariables => {
    let vars = analysed.get(cell.index);
    if (!vars) analysed.set(cell.index, (vars = cellVariables(cell, source)));
    return vars;
  };
  /** Whether `name` may be a ref or def of the cell: the cell's text holds it as a word. */
  const mentions = (cell: Cell, name: string): boolean => {
    if (analysed.has(cell.index)) return true;
    let entry = texts.get(cell.index);
    if (!entry) texts.set(cell.index, (entry = { text: source.slice(cell.start, cell.end), nonAscii: undefined }));
    if (/^[\x00-\x7f]*$/.test(name) && occursAsWord(entry.text, name)) return true;
    if (!/[^\x00-\x7f]/.test(entry.text)) return false;
    entry.nonAscii ??= nonAsciiWords(entry.text);
    return entry.nonAscii.has(name);
  };
  /** Public names bound at the cell's top level, found without a full analysis when possible. */
  const cheapDefs = new Map<number, ReadonlySet<string>>();
  const defsOf = (cell: Cell): ReadonlySet<string> => {
    const full = analysed.get(cell.index);
    if (full) return full.defs;
    let defs = cheapDefs.get(cell.index);
    if (!defs) {
      if (cell.kind === "unparsable") defs = new Set();
      else {
        const statements = cell.kind === "function" || cell.kind === "class" ? (cell.definition ? [cell.definition] : []) : cell.statements;
        defs = definedNames(statements, source.slice(cell.start, cell.end)) ?? varsOf(cell).defs;
      }
      cheapDefs.set(cell.index, defs);
    }
    return defs;
  };
  /** Whether `text` holds an occurrence of `name` that could bind it. */
  const couldBind = (text: string, name: string, entry: { nonAscii: Set<string> | undefined }): boolean => {
    if (text.includes("import") || !/^[\x00-\x7f]*$/.test(name)) return true;
    if (/[^\x00-\x7f]/.test(text) && (entry.nonAscii ??= nonAsciiWords(text)).has(name)) return true;
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
      const before = codePointBefore(text, i);
      if (before !== -1 && isWordChar(text, i - 1, before)) continue;
      const end = i + name.length;
      if (end < text.length && isWordChar(text, end, text.codePointAt(end)!)) continue;
      // `name.attr` binds nothing; nor do `name(...)` and `name[...]` unless after `def`, `class`, `type`.
      const next = text.charCodeAt(end);
      if (next === 46) continue;
      if ((next === 40 || next === 91) && !afterDefinitionKeyword(text, i)) continue;
      return true;
    }
    return false;
  };
  /**
   * Whether the cell may bind `name`: it mentions the name other than as `name.attr` (which
   * binds only in `import name.sub`).
   */
  const mayDefine = (cell: Cell, name: string): boolean => {
    if (!mentions(cell, name)) return false;
    if (analysed.has(cell.index) || cheapDefs.has(cell.index)) return true;
    const entry = texts.get(cell.index);
    if (!entry) return true;
    // The whole cell holds its body: nothing that could bind there, nothing in the body (whose
    // start, the end of the signature, costs calls into the tree).
    if (!couldBind(entry.text, name, entry)) return false;
    // A cell's parameters bind nothing at its top level: look at the body only.
    return cell.kind === "cell" ? couldBind(source.slice(cell.signatureEnd, cell.end), name, entry) : true;
  };
  const defines = (cell: Cell, name: string) => mayDefine(cell, name) && defsOf(cell).has(name);
  const reads = (cell: Cell, name: string) => mentions(cell, name) && varsOf(cell).refs.has(name);

  const variables = new LazyMap<number, CellVariables>(
    (index) => {
      const cell = cells[index];
      return cell && cell.index === index ? varsOf(cell) : undefined;
    },
    () => new Map(cells.map((cell) => [cell.index, varsOf(cell)])),
  );

  let setupNamesSet: Set<string> | undefined;
  const setupNamesOf = (): Set<string> => {
    if (setupNamesSet) return setupNamesSet;
    setupNamesSet = new Set<string>();
    for (const cell of cells) if (cell.kind === "setup") for (const d of varsOf(cell).defs) setupNamesSet.add(d);
    return setupNamesSet;
  };
  const setupNames = new LazySet((name) => setupNamesOf().has(name), setupNamesOf);

  const topLevelNames = new Set<string>();
  for (const cell of cells) if (cell.kind === "function" || cell.kind === "class") topLevelNames.add(cell.name);

  const buildDefiners = (): Map<string, number[]> => {
    const result = new Map<string, number[]>();
    for (const cell of cells) {
      if (cell.kind !== "cell") continue;
      for (const d of varsOf(cell).defs) {
        const list = result.get(d);
        if (list) list.push(cell.index);
        else result.set(d, [cell.index]);
      }
    }
    return result;
  };
  const definers = new LazyMap<string, readonly number[]>((name) => {
    let list: number[] | undefined;
    for (const cell of cells) {
      if (cell.kind === "cell" && defines(cell, name)) (list ??= []).push(cell.index);
    }
    return list;
  }, buildDefiners);

  const usedRefs = new LazySet(
    (name) => cells.some((cell) => cell.kind !== "unparsable" && reads(cell, name)),
    () => {
      const result = new Set<string>();
      for (const cell of cells) if (cell.kind !== "unparsable") for (const r of varsOf(cell).refs) result.add(r);
      return result;
    },
  );

  /** Some cell other than an unparsable one defines `name` (so the builtin is shadowed). */
  const cellDefines = (name: string) => cells.some((cell) => cell.kind !== "unparsable" && defines(cell, name));
  const allowedRefs = new LazySet(
    (name) => setupNamesOf().has(name) || topLevelNames.has(name) || (PYTHON_BUILTINS.has(name) && !cellDefines(name)),
    () => {
      const cellDefs = new Set<string>();
      for (const cell of cells) if (cell.kind !== "unparsable") for (const d of varsOf(cell).defs) cellDefs.add(d);
      const result = new Set<string>(setupNamesOf());
      for (const b of PYTHON_BUILTINS) if (!cellDefs.has(b)) result.add(b);
      for (const t of topLevelNames) result.add(t);
      return result;
    },
  );

  keepClosures("computeDataflow", varsOf, mentions, defsOf, couldBind, mayDefine, defines, reads, setupNamesOf, buildDefiners, cellDefines);
  const firstAnnotation = (name: string) => {
    for (const cell of cells) {
      if (cell.kind === "unparsable") continue;
      if (defines(cell, name)) return varsOf(cell).annotations.get(name);
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

/**
 * Text range of a cell's code as marimo sees it: the body without the trailing `return`.
 * `signatureEnd`: where the header ends, when the caller reads it otherwise (a setup cell's `:`).
 */
export function cellCodeRange(cell: Cell, source: string, signatureEnd = cell.signatureEnd): { start: number; end: number } {
  const body = cell.body;
  if (!body) return { start: signatureEnd, end: signatureEnd };
  // marimo takes everything after the `def` line (leading comments included), or the rest of
  // the `def` line for one-line cells such as `def one(): return`.
  const bodyStart = startOf(body);
  const firstBreak = source.indexOf("\n", signatureEnd);
  const start = firstBreak === -1 || firstBreak > bodyStart ? bodyStart : firstBreak + 1;
  const end = cell.returnStatement ? startOf(cell.returnStatement) : endBeforeLineBreak(source, endOf(body));
  return { start, end: Math.max(start, end) };
}
