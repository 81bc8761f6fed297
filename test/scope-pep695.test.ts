// PEP 695 type parameters (`def f[T]`, `class C[T]`, `type A[T] = ...`) against marimo's
// compiler. The venv's CPython 3.11 cannot parse them, so marimo cannot be run here as in
// scope-vs-marimo.test.ts: test/scope-cases-pep695.json holds what marimo 0.25.2's
// `compile_cell` gave on CPython 3.12.1 for each snippet. Regenerate it with a 3.12+ Python
// that has marimo: `{"code", "refs": sorted(cell.refs), "defs": sorted(cell.defs)}` per snippet.
//
// marimo's rules, which these follow rather than Python's: a function's type parameters are
// bound for its bounds, parameters, return annotation, decorators and body; a class binds its
// type parameters only after its bases and body, so a direct read there (`class C[T](Base[T])`,
// `x: T` in the body) is a ref while a method's is not; `type A[T] = ...` defines A and reads
// its value as a nested block would.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cellRefsAndDefs } from "./helpers/cell-scope.js";

interface Case {
  code: string;
  refs: string[];
  defs: string[];
}

const cases = JSON.parse(readFileSync("test/scope-cases-pep695.json", "utf8")) as Case[];

describe("PEP 695 type parameters: refs and defs match marimo's compiler (Python 3.12)", () => {
  it.each(cases)("$code", ({ code, refs, defs }) => {
    expect(cellRefsAndDefs(code)).toEqual({ refs, defs });
  });
});
