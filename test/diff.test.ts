// The unified diff must be a valid patch: applying it to the input gives the output.
import { applyPatch } from "diff";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../src/engine/diff.js";
import { fixSource } from "../src/index.js";
// @ts-expect-error plain JavaScript module shared with the benchmark
import { synthNotebook } from "../scripts/synth-notebook.mjs";

describe("unifiedDiff", () => {
  it("is empty when nothing changed", () => {
    expect(unifiedDiff("nb.py", "a\n", "a\n")).toBe("");
  });

  it("writes git-style headers and hunks", () => {
    const d = unifiedDiff("nbs/nb.py", "a\nb\nc\n", "a\nB\nc\n");
    expect(d).toBe("--- a/nbs/nb.py\n+++ b/nbs/nb.py\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  });

  it("marks a missing final newline", () => {
    const d = unifiedDiff("nb.py", "a\nb", "a\nb\nc");
    expect(d).toContain("\\ No newline at end of file");
    expect(applyPatch("a\nb", d)).toBe("a\nb\nc");
  });

  it("diffs an edited cell against its own new version when a cell is inserted before it", () => {
    const cell = (body: string[]) => ["@app.cell", "def _():", ...body.map((l) => `    ${l}`), "    return", ""];
    const header = ["import marimo", "", "app = marimo.App()", ""];
    const before = [...header, ...cell(["a = 1", "b = 2", "c = 3"]), ...cell(["x = a + b", "y = x * 2", "print(y)"])].join("\n");
    const after = [...header, ...cell(["a = 1", "b = 2", "c = 3"]), ...cell(["import random", "random.seed(0)"]), ...cell(["x = a + b", "y = x * 3", "print(y)"])].join("\n");
    const d = unifiedDiff("nb.py", before, after);
    expect(applyPatch(before, d)).toBe(after);
    const removed = d.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---"));
    expect(removed).toEqual(["-    y = x * 2"]);
  });

  it("applies back to the fixed output for real fixes (LF and CRLF notebooks)", () => {
    for (let i = 0; i < 12; i++) {
      const source = synthNotebook(i) as string;
      const output = fixSource(source, { unsafeFixes: true }).output;
      const patch = unifiedDiff("nb.py", source, output);
      expect(applyPatch(source, patch), `notebook ${i}`).toBe(output);
    }
  });
});
