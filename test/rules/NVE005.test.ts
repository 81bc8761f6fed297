// NVE005 unvalidated-numeric-input is lint-only: the fixtures' outputs equal their inputs, so
// the exact diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVE005/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVE005"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

describe("NVE005 unvalidated-numeric-input", () => {
  it("reports unbounded numbers and int()-parsed texts that set sizes", () => {
    expect(diagnostics("cpu-unbounded-sizes")).toEqual(["NVE005:20", "NVE005:21", "NVE005:22"]);
  });

  it("reports `.form()`-wrapped and half-bounded numbers in legacy tab-indented CRLF cells, not private ones", () => {
    expect(diagnostics("crlf-tabs-legacy-form")).toEqual(["NVE005:12", "NVE005:13"]);
  });

  it("reports setup-cell numbers feeding sizes (by label or through range()), not one validated with assert", () => {
    expect(diagnostics("setup-cell-asserts-and-range")).toEqual(["NVE005:11", "NVE005:12"]);
  });

  it("accepts bounded inputs, range checks, min/max clamps, try/except ValueError and non-size numbers", () => {
    expect(diagnostics("cpu-validated-or-bounded-no-diagnostic")).toEqual([]);
  });

  it("names the missing bounds and the remedy", () => {
    const found = lintSource(readFileSync("testfixtures/NVE005/cpu-unbounded-sizes.input.py", "utf8"), { select: ["NVE005"] }).diagnostics;
    expect(found[0]?.severity).toBe("warning");
    expect(found[0]?.fix).toBeUndefined();
    expect(found[0]?.message).toContain("without `start=` and `stop=`");
    expect(found[1]?.message).toContain("without `stop=`");
    expect(found[2]?.message).toContain("int(hidden.value)");
  });
});
