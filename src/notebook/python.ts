// The one place that knows how to get a Python syntax tree: ast-grep with the tree-sitter
// Python grammar, registered once per process (and once per worker thread).
import { parse, registerDynamicLanguage, type NapiConfig, type SgNode, type SgRoot } from "@ast-grep/napi";
import python from "@ast-grep/lang-python";

let registered = false;
/**
 * A range kept alive for the process. ast-grep builds each `range()` as a fresh object, property
 * by property, and V8 keeps the maps of such objects only while one of them lives; when a
 * forced collection took the last, every optimized function that read a range was thrown away
 * and recompiled (see shapes.ts).
 */
let rangeShape: unknown;

function ensureRegistered(): void {
  if (registered) return;
  registerDynamicLanguage({ python });
  registered = true;
  rangeShape = parse("python", "x").root().range();
}

export type PyNode = SgNode;
export type PyRoot = SgRoot;
/** An ast-grep rule object, matched in native code by `findAll`. */
export type Matcher = NapiConfig;

let parsedChars = 0;

/** Parses Python source into a tree-sitter tree. Never throws on bad syntax. */
export function parsePython(source: string): PyRoot {
  ensureRegistered();
  parsedChars += source.length;
  return parse("python", source);
}

/**
 * How much source this thread has parsed, in UTF-16 code units. A tree takes about 55 bytes of
 * native memory per character of source, freed only after V8 collects the JavaScript objects
 * that hold it; V8 does not see that memory, so long runs collect every so much source.
 */
export function parsedSourceLength(): number {
  return parsedChars;
}

/**
 * Tree-sitter recovers from errors silently: it inserts ERROR nodes, zero-width "missing"
 * tokens, and empty blocks (`def f():` followed by an unindented line). One native query
 * finds all three, so the JS side never walks the tree to look for them. Some errors leave no
 * such node (a line that ends in an operator, joined with the next; an indentation error;
 * `print "x"`): `tokenProblem` (tokens.ts) finds those from the text, more cheaply than rules
 * here could (see the README's Speed section).
 */
const SYNTAX_PROBLEM: Matcher = {
  rule: {
    any: [{ kind: "ERROR" }, { all: [{ regex: "^$" }, { not: { kind: "module" } }] }],
  },
};

export function syntaxProblems(root: PyNode): PyNode[] {
  return root.findAll(SYNTAX_PROBLEM);
}

/** Byte-range helpers. ast-grep ranges index the JS string (UTF-16), as magic-string does. */
export function startOf(node: PyNode): number {
  return node.range().start.index;
}
export function endOf(node: PyNode): number {
  return node.range().end.index;
}
