// Text that real notebooks hold and that once made a rule's regex backtrack for minutes or
// hours (found by a ReDoS audit of every regex in src/ and on real notebooks): banner comments,
// runs of asterisks, NBSPs from pasted text, long subscript chains, long runs of blanks. Each
// case is sized so that the old pattern would not finish within the test timeout; the
// assertions check that the rule still sees what it should. (A regex runs synchronously, so a
// regression hangs this file instead of failing it by the timeout.)
import { describe, expect, it } from "vitest";
import { fixSource, lintSource } from "../src/index.js";
import { computeDataflow } from "../src/notebook/dataflow.js";
import { parseNotebook } from "../src/notebook/model.js";
import { notebook as notebookOf } from "./helpers/notebooks.js";

/** A notebook of the given cells, each given as its lines. */
function notebook(...cells: string[][]): string {
  return notebookOf(cells.map((lines) => lines.join("\n")));
}

function codes(source: string, code: string): number[] {
  const result = lintSource(source, { select: [code] });
  expect(result.internalErrors).toEqual([]);
  return result.diagnostics.map((d) => d.line);
}

function lineOf(source: string, text: string): number {
  return source.slice(0, source.indexOf(text)).split("\n").length;
}

describe("text that once made a regex backtrack without end", () => {
  it("a banner comment where a `(` starts a line (NVS001, 72 `#`s; 62 s for a real 12 KB notebook before)", () => {
    const banner = "#".repeat(72);
    const source = notebook(["import numpy as np", "import marimo as mo"], [banner, "# ## Data ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## ## #", banner, "samples = np.random.normal(size=(10, 2))", "total = (", "    (samples > 0)", "    .sum()", ")"]);
    expect(codes(source, "NVS001")).toEqual([lineOf(source, "samples = np.random")]);
  });

  it("a message of 60 asterisks in a vague `except` handler (NVE003)", () => {
    const stars = "*".repeat(60);
    const source = notebook(["try:", "    import cupy", "except Exception:", `    print("${stars} Failed")`]);
    expect(codes(source, "NVE003")).toHaveLength(1);
    expect(fixSource(source, { select: ["NVE003"], unsafeFixes: true }).output).toContain(`print(f"${stars} Failed: {e}")`);
  });

  it("30 names separated by `,` and NBSP in a markdown string, in a cell that mutates another cell's list (NVS004)", () => {
    const packages = Array.from({ length: 30 }, (_, i) => `package${i}`).join(",\u00a0");
    const source = notebook(["results = []"], ["results.append(1)", "count = 1", 'mo_text = """', packages, '"""']);
    expect(codes(source, "NVS004")).toEqual([lineOf(source, "results.append")]);
  });

  it("a chain of 40 subscripts next to a mutation of another cell's dict (NVS004)", () => {
    const source = notebook(["history = {}", "cfg = {}"], ["history.update(a=1)", `cfg${'["k"]'.repeat(40)}`]);
    expect(codes(source, "NVS004")).toEqual([lineOf(source, "history.update")]);
  });

  it("`for` in a docstring, then 20,000 blanks (NVS004)", () => {
    const source = notebook(["history = []"], [`"""Train for${" ".repeat(20_000)}each epoch"""`, "history.append(1)"]);
    expect(codes(source, "NVS004")).toEqual([lineOf(source, "history.append")]);
  });

  it("`a, b` then 10,000 blanks in a notebook with mo.state and on_change (NVR001)", () => {
    const source = notebook(["import marimo as mo"], ["get_x, set_x = mo.state(0)", "slider = mo.ui.slider(1, 10, on_change=set_x)", `a, b${" ".repeat(10_000)}`, "slider"]);
    expect(codes(source, "NVR001")).toEqual([lineOf(source, "on_change=set_x")]);
  });

  it("`from`, 10,000 spaces, then `os import path`: the cell still defines `path`", () => {
    const source = notebook([`from${" ".repeat(10_000)}os import path`], ["path.join('a', 'b')"]);
    const parsed = parseNotebook(source);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(computeDataflow(parsed.notebook).definers.get("path")).toEqual([0]);
  });

  it("a `for` line with a line separator (U+2028) and 10,000 blanks in a comment (NVR004)", () => {
    // The loop trains (an epoch loop that only prints is not long since NVR004 reads its body).
    const source = notebook(["import marimo as mo"], [`for epoch in range(100):  # \u2028${" ".repeat(10_000)}x`, "    train_one_epoch(epoch)"]);
    expect(codes(source, "NVR004")).toEqual([lineOf(source, "for epoch")]);
  });
});
