// NVR001 on-change-callback: which callbacks get a fix, and why the others do not.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string) {
  const source = readFileSync(`testfixtures/NVR001/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVR001"] }).diagnostics;
}

describe("NVR001 on-change-callback", () => {
  it("does not fix a callback whose reactive cell would re-run itself through mo.state", () => {
    const found = diagnostics("state-two-way-binding").map((d) => `${d.line}${d.fix ? "" : "!"} ${/not fixed: the handler calls `(\w+)` and (its cell|the cell at line \d+)/.exec(d.message)?.slice(1).join(" ") ?? ""}`);
    expect(found).toEqual([
      // value=get_lr(), on_change=set_lr: marimo's two-way binding, in the element's cell
      "35! set_lr its cell",
      // a lambda that calls the setter
      "36! set_lr its cell",
      // a notebook function that calls the setter; the getter is read by a cell upstream
      "65! set_batch the cell at line 48",
      // the getter is read only downstream: no loop, fixed
      "72 ",
    ]);
  });

  it("sees the loop with a setup-cell alias, `from marimo import state`, tabs and CRLF", () => {
    const found = diagnostics("state-binding-setup-crlf-tabs").map((d) => `${d.line}${d.fix ? "" : "!"}`);
    expect(found).toEqual(["20!", "30"]);
  });

  it("fixes a state setter whose getter no upstream cell reads", () => {
    const [only] = diagnostics("cpu-state-setter");
    expect(only?.fix).toBeDefined();
  });
});
