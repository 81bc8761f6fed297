// NVU003 static-plot is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVU003/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVU003"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

describe("NVU003 static-plot", () => {
  it("reports the first figure of a cell (pyplot imported under a guard in the setup cell)", () => {
    expect(diagnostics("cpu-loss-curve-with-pyplot")).toEqual(["NVU003:37"]);
  });

  it("understands seaborn, `from matplotlib import pyplot as ...` and imported pyplot functions", () => {
    expect(diagnostics("seaborn-and-pyplot-aliases")).toEqual(["NVU003:20", "NVU003:26", "NVU003:34"]);
  });

  it("reports @app.function bodies and Figure(...) (legacy cells, tabs)", () => {
    expect(diagnostics("app-function-legacy-and-tabs")).toEqual(["NVU003:14", "NVU003:28"]);
  });

  it("accepts figures shown with mo.mpl.interactive and ignores strings and comments", () => {
    expect(diagnostics("cpu-interactive-wrapper-no-change")).toEqual([]);
  });

  it("is info-level without a fix", () => {
    const source = readFileSync("testfixtures/NVU003/cpu-loss-curve-with-pyplot.input.py", "utf8");
    const [first] = lintSource(source, { select: ["NVU003"] }).diagnostics;
    expect(first?.severity).toBe("info");
    expect(first?.fix).toBeUndefined();
    expect(first?.message).toContain("mo.mpl.interactive(fig)");
  });
});
