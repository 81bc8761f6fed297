// NVS004 cross-cell-mutation is lint-only: the fixtures' outputs equal their inputs, so the
// exact diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVS004/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVS004"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

describe("NVS004 cross-cell-mutation", () => {
  it("reports .append() and item assignment on values of another cell, once per name and cell", () => {
    expect(diagnostics("cpu-append-and-item-assignment")).toEqual(["NVS004:32", "NVS004:33"]);
  });

  it("reports in-place tensor methods, inplace=True, attribute assignment, del x[k] and x[k] += 1", () => {
    expect(diagnostics("inplace-ops-attributes-and-del")).toEqual(["NVS004:29", "NVS004:30", "NVS004:32", "NVS004:33", "NVS004:34", "NVS004:35"]);
  });

  it("reports setup-cell values and mutations inside callbacks (legacy cells, async cell, tabs)", () => {
    expect(diagnostics("setup-value-callback-async-and-tabs")).toEqual(["NVS004:23", "NVS004:35", "NVS004:42"]);
  });

  it("ignores a cell's own values, private names, imported modules, function locals and @app.function bodies", () => {
    expect(diagnostics("cpu-own-values-no-change")).toEqual([]);
  });

  it("names the defining cell and the remedy", () => {
    const source = readFileSync("testfixtures/NVS004/cpu-append-and-item-assignment.input.py", "utf8");
    const [first] = lintSource(source, { select: ["NVS004"] }).diagnostics;
    expect(first?.severity).toBe("warning");
    expect(first?.fix).toBeUndefined();
    expect(first?.message).toContain("`loss_history.append(...)` mutates `loss_history`, defined in the cell at line 14");
  });
});
