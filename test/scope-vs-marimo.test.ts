// A cell's refs and defs (src/notebook/scope.ts) against marimo's own compiler, snippet by
// snippet. marimo reads function and class bodies in order (`x = best; best = 1` reads `best`),
// stores an augmented target without reading it (`x += 1`), and ignores `except ... as e`
// names only inside their handler, and reads a definition's decorators, defaults, annotations
// and bases as a nested block (`class C(Base)` then `Base = 1` reads nothing); signatures must
// follow it, not Python's scoping.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cellRefsAndDefs } from "./helpers/cell-scope.js";
import { PYTHON } from "./helpers/python.js";

const snippets = JSON.parse(readFileSync("test/scope-cases.json", "utf8")) as string[];

const MARIMO_REFS = `
import json, sys
from marimo._ast.compiler import compile_cell
out = []
for code in json.load(sys.stdin):
    cell = compile_cell(code, cell_id="0")
    out.append({"refs": sorted(cell.refs), "defs": sorted(cell.defs)})
json.dump(out, sys.stdout)
`;
const marimo = JSON.parse(execFileSync(PYTHON, ["-c", MARIMO_REFS], { input: JSON.stringify(snippets), encoding: "utf8" })) as Array<{ refs: string[]; defs: string[] }>;

describe("refs and defs match marimo's compiler", () => {
  it.each(snippets.map((code, i) => ({ code, i })))("$code", ({ code, i }) => {
    expect(cellRefsAndDefs(code)).toEqual(marimo[i]);
  });
});
