// The functions a notebook defines for its readers (NVD004, NVO004): `@app.function`s, functions
// defined in the setup cell or in a cell (at its top level or inside `if`/`try`/`with` blocks),
// and the methods of classes defined there or with `@app.class_definition`. Not the cell
// functions themselves (`@app.cell def _`), and not functions nested inside another function
// (closures are implementation details of the function that holds them).
import type { Notebook } from "../../notebook/model.js";
import { startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { blankedCode, codeRange } from "./cell-globals.js";

const CELL_FUNCTION = {
  kind: "function_definition",
  inside: { kind: "decorated_definition", inside: { kind: "module" }, has: { kind: "decorator", regex: "^@app\\.cell\\b" } },
};

/** A function of the notebook, as described above (shared by the matchers below). */
const NOTEBOOK_FUNCTION = {
  kind: "function_definition",
  not: {
    any: [
      { inside: CELL_FUNCTION.inside },
      { inside: { stopBy: "end", kind: "function_definition", not: { inside: CELL_FUNCTION.inside } } },
      // `typing.overload` stubs carry no body of their own.
      { inside: { kind: "decorated_definition", has: { kind: "decorator", regex: "\\boverload\\b" } } },
    ],
  },
};

/** `"""Docstring."""` as the first statement of the body (comments may come before it). */
const HAS_DOCSTRING = {
  has: {
    field: "body",
    has: {
      kind: "expression_statement",
      nthChild: { position: 1, ofRule: { not: { kind: "comment" } } },
      has: { any: [{ kind: "string" }, { kind: "concatenated_string" }], nthChild: 1, not: { regex: "^[rRuU]?[fFbB]" } },
    },
  },
};

/** Magic methods document themselves by their protocol; `__init__` does not. */
const MAGIC_METHOD = { all: [{ has: { field: "name", regex: "^__\\w+__$" } }, { not: { has: { field: "name", regex: "^__init__$" } } }] };

const WITHOUT_DOCSTRING: Matcher = {
  rule: { ...NOTEBOOK_FUNCTION, not: { any: [...NOTEBOOK_FUNCTION.not.any, HAS_DOCSTRING, MAGIC_METHOD] } } as Matcher["rule"],
};

/** A parameter without annotation; the first parameter `self`/`cls` of a method needs none. */
const UNANNOTATED_PARAMETER = {
  any: [{ kind: "identifier" }, { kind: "default_parameter" }, { kind: "list_splat_pattern" }, { kind: "dictionary_splat_pattern" }],
  not: { all: [{ kind: "identifier" }, { regex: "^(self|cls)$" }, { nthChild: 1 }] },
};

const WITHOUT_TYPE_HINTS: Matcher = {
  rule: {
    ...NOTEBOOK_FUNCTION,
    any: [{ has: { field: "parameters", has: UNANNOTATED_PARAMETER } }, { kind: "function_definition", not: { has: { field: "return_type", kind: "type" } } }],
  } as Matcher["rule"],
};

function inCell(notebook: Notebook, node: PyNode): boolean {
  const at = startOf(node);
  return notebook.cells.some((c) => c.kind !== "unparsable" && c.start <= at && at <= c.end);
}

/** Notebook functions without a docstring (magic methods other than `__init__` excepted). */
export function functionsWithoutDocstring(notebook: Notebook): PyNode[] {
  if (!functionHeaders(notebook).some(lacksDocstring)) return [];
  return notebook.root.root().findAll(WITHOUT_DOCSTRING).filter((f) => inCell(notebook, f));
}

export interface MissingHints {
  readonly function: PyNode;
  /** Parameters without annotation, as written (`x`, `lr=0.1`, `*args`). */
  readonly parameters: readonly string[];
  /** The return annotation is missing (and required). */
  readonly returnType: boolean;
}

/**
 * Notebook functions with a parameter or the return type not annotated. As in mypy, `__init__`
 * needs no return annotation when one of its parameters is annotated.
 */
export function functionsWithoutTypeHints(notebook: Notebook): MissingHints[] {
  if (!functionHeaders(notebook).some(lacksAnnotations)) return [];
  const result: MissingHints[] = [];
  for (const fn of notebook.root.root().findAll(WITHOUT_TYPE_HINTS)) {
    if (!inCell(notebook, fn)) continue;
    const params = fn.field("parameters")?.children().filter((c) => c.isNamed()) ?? [];
    const parameters: string[] = [];
    let annotated = false;
    params.forEach((param, index) => {
      const kind = param.kind();
      if (kind === "typed_parameter" || kind === "typed_default_parameter") annotated = true;
      else if (kind === "identifier" || kind === "default_parameter" || kind === "list_splat_pattern" || kind === "dictionary_splat_pattern") {
        const text = param.text();
        if (index === 0 && kind === "identifier" && (text === "self" || text === "cls")) return;
        parameters.push(kind === "default_parameter" ? (param.field("name")?.text() ?? text) : text);
      }
    });
    const isInit = fn.field("name")?.text() === "__init__";
    const returnType = !fn.field("return_type") && !(isInit && annotated);
    if (parameters.length > 0 || returnType) result.push({ function: fn, parameters, returnType });
  }
  return result;
}

// --- a text prefilter -------------------------------------------------------------------------

/**
 * What the text says about every `def` in the cells (nested ones included): whether a string
 * literal opens its body and whether its signature is fully annotated. The native queries above
 * run only when some function may lack a docstring or a hint, so well-documented notebooks cost
 * a scan of their text.
 */
interface FunctionHeader {
  readonly hasDocstring: boolean;
  readonly fullyAnnotated: boolean;
}

function lacksDocstring(header: FunctionHeader): boolean {
  return !header.hasDocstring;
}
function lacksAnnotations(header: FunctionHeader): boolean {
  return !header.fullyAnnotated;
}

const DEF = /(?:^|\n)[ \t]*(?:async[ \t]+)?def[ \t]+([\p{L}_][\p{L}\p{N}_]*)[ \t]*\(/gu;
const headerCache = new WeakMap<Notebook, FunctionHeader[]>();

function functionHeaders(notebook: Notebook): FunctionHeader[] {
  const cached = headerCache.get(notebook);
  if (cached) return cached;
  const headers: FunctionHeader[] = [];
  const source = notebook.source;
  for (const cell of notebook.cells) {
    let range: { start: number; end: number };
    if (cell.kind === "cell") range = codeRange(notebook, cell);
    else if (cell.kind === "setup") range = { start: cell.signatureEnd, end: cell.end };
    else if (cell.kind === "function" || cell.kind === "class") range = { start: cell.start, end: cell.end };
    else continue;
    if (!source.slice(range.start, range.end).includes("def")) continue;
    const blank = blankedCode(notebook, range.start, range.end);
    for (const m of blank.matchAll(DEF)) {
      const open = m.index! + m[0].length - 1;
      const close = closingBracket(blank, open);
      if (close === -1) continue;
      const colon = signatureColon(blank, close + 1);
      if (colon === -1) continue;
      const returns = /^\s*->/.test(blank.slice(close + 1, colon));
      const parameters = splitParameters(blank.slice(open + 1, close));
      const annotated = parameters.filter((p) => p.includes(":")).length;
      const unannotated = parameters.some((p, i) => !p.includes(":") && p !== "*" && p !== "/" && !(i === 0 && (p === "self" || p === "cls")));
      const isInit = m[1] === "__init__";
      headers.push({
        hasDocstring: opensWithString(source, range.start + colon + 1, range.end),
        fullyAnnotated: !unannotated && (returns || (isInit && annotated > 0)),
      });
    }
  }
  headerCache.set(notebook, headers);
  return headers;
}

function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The `:` that ends a signature (after an optional `-> annotation`). */
function signatureColon(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ":" && depth === 0) return i;
  }
  return -1;
}

/** Parameters as written (blanked), without defaults' surrounding spaces. */
function splitParameters(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if ((c === "," && depth === 0) || i === text.length) {
      const part = text.slice(start, i).trim();
      // `x=1` -> `x`; `x: int = 1` keeps its `:`.
      const equals = part.indexOf("=");
      const head = equals === -1 ? part : part.slice(0, equals).trim();
      if (head !== "") parts.push(head.replace(/^\*\*?\s*/, (star) => (star.trim() === "*" && head.trim() === "*" ? "*" : "")));
      start = i + 1;
    }
  }
  return parts;
}

/** Whether the body starting at `from` (after the signature's `:`) opens with a string literal. */
function opensWithString(source: string, from: number, end: number): boolean {
  let i = from;
  while (i < end) {
    const c = source[i]!;
    if (c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\f") i++;
    else if (c === "#") {
      const nl = source.indexOf("\n", i);
      i = nl === -1 ? end : nl + 1;
    } else break;
  }
  return /^[rRuU]?("""|'''|"|')/.test(source.slice(i, i + 4));
}
