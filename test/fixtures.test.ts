// The one generic fixture test. For every testfixtures/<RULE>/<case>.input.py:
//   the rule's fixes (unsafe included) turn it into <case>.output.py, byte for byte;
//   (a) CPython's ast.parse accepts the output;
//   (b) marimo check reports no breaking (MB) issue the input did not have, and by marimo's own
//       analysis no cell reads a name that nothing defines unless the input did too;
//   (c) in the cells the fix touched, `marimo check --fix` changes nothing;
//   (d) a second fix run changes nothing.
// Set UPDATE_FIXTURES=1 to write missing outputs (then review them by hand).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { fixSource } from "../src/index.js";
import { fixturePairs } from "./helpers/fixtures.js";
import { cellsNotInMarimoForm } from "./helpers/marimo-form.js";
import { addedEntries, checkWithPython, type PythonVerdict } from "./helpers/python.js";

const pairs = fixturePairs();
const update = process.env.UPDATE_FIXTURES === "1";
if (update) {
  for (const pair of pairs) {
    if (existsSync(pair.output)) continue;
    const out = fixSource(readFileSync(pair.input, "utf8"), { select: [pair.rule], unsafeFixes: true });
    writeFileSync(pair.output, out.output);
  }
}

let verdicts: Record<string, PythonVerdict> = {};
beforeAll(() => {
  const files = pairs.flatMap((p) => [p.input, p.output]).filter((f) => existsSync(f));
  verdicts = checkWithPython(files);
}, 600_000);

describe.each(pairs)("$rule/$name", (pair) => {
  it("fixes the input into the expected output", () => {
    const input = readFileSync(pair.input, "utf8");
    const expected = readFileSync(pair.output, "utf8");
    const result = fixSource(input, { select: [pair.rule], unsafeFixes: true });
    expect(result.internalErrors).toEqual([]);
    expect(result.output).toBe(expected);
  });

  it("(a) the output parses with CPython", () => {
    expect(verdicts[pair.output]?.parse_error).toBeNull();
  });

  it("(b) marimo check finds no new breaking issue", () => {
    const added = addedEntries(verdicts[pair.input]?.mb_issues, verdicts[pair.output]?.mb_issues ?? []);
    expect(added).toEqual([]);
  });

  it("(b) every name a cell reads is still defined somewhere (no NameError the input did not have)", () => {
    expect(addedEntries(verdicts[pair.input]?.undefined, verdicts[pair.output]?.undefined)).toEqual([]);
  });

  it("(c) touched cells are already in marimo's exact form", () => {
    const input = readFileSync(pair.input, "utf8");
    const output = readFileSync(pair.output, "utf8");
    expect(cellsNotInMarimoForm(input, output, verdicts[pair.output]!.fixed)).toEqual([]);
  });

  it("(d) a second run changes nothing", () => {
    const output = readFileSync(pair.output, "utf8");
    const again = fixSource(output, { select: [pair.rule], unsafeFixes: true });
    expect(again.output).toBe(output);
  });
});
