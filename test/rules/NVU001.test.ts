// NVU001 ungrouped-controls is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVU001/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVU001"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

describe("NVU001 ungrouped-controls", () => {
  it("reports a run of cells that each show one control, once, at the first", () => {
    expect(diagnostics("cpu-consecutive-control-cells")).toEqual(["NVU001:25"]);
  });

  it("reports tuples and lists of controls shown as a cell's output", () => {
    expect(diagnostics("tuple-and-list-outputs")).toEqual(["NVU001:17", "NVU001:25"]);
  });

  it("looks through @app.function cells and understands aliases (legacy cells, async cell, tabs)", () => {
    expect(diagnostics("legacy-cells-function-between-and-tabs")).toEqual(["NVU001:15"]);
  });

  it("accepts grouped controls and a single control shown on its own", () => {
    expect(diagnostics("cpu-grouped-controls-no-change")).toEqual([]);
  });

  it("suggests the layout with the notebook's own names", () => {
    const source = readFileSync("testfixtures/NVU001/legacy-cells-function-between-and-tabs.input.py", "utf8");
    const [first] = lintSource(source, { select: ["NVU001"] }).diagnostics;
    expect(first?.fix).toBeUndefined();
    expect(first?.message).toContain("`ui_lib.hstack([model_name, seed, generate_button])`");
  });
});
