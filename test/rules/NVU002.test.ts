// NVU002 print-feedback is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVU002/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVU002"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

describe("NVU002 print-feedback", () => {
  it("reports the first result print of each cell and the first error print in a handler", () => {
    expect(diagnostics("cpu-results-and-errors-printed")).toEqual(["NVU002:17", "NVU002:28", "NVU002:30"]);
  });

  it("reports prints in nested functions, async cells and tab-indented cells", () => {
    expect(diagnostics("nested-function-and-async-cell")).toEqual(["NVU002:15", "NVU002:28", "NVU002:34"]);
  });

  it("reports a print in a legacy CRLF notebook, not one named in a comment or string", () => {
    expect(diagnostics("crlf-legacy-cells-comment-mentions")).toEqual(["NVU002:16"]);
  });

  it("ignores prints to files, inside mo.redirect_stdout(), in the setup cell and in @app.function", () => {
    expect(diagnostics("cpu-redirected-and-file-prints-no-change")).toEqual([]);
  });

  it("is info-level, without a fix, and points errors to a danger callout", () => {
    const source = readFileSync("testfixtures/NVU002/cpu-results-and-errors-printed.input.py", "utf8");
    const found = lintSource(source, { select: ["NVU002"] }).diagnostics;
    expect(found.every((d) => d.severity === "info" && d.fix === undefined)).toBe(true);
    expect(found[0]?.message).toContain("(2 calls)");
    expect(found[2]?.message).toContain('kind="danger"');
  });
});
