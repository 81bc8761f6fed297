// NVR002 ui-element-not-global: which elements are reported, and which of them get no fix.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

/** `NVR002:<line>`, with `!` when the diagnostic has no fix. */
function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVR002/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVR002"] }).diagnostics.map((d) => `${d.code}:${d.line}${d.fix ? "" : "!"}`);
}

describe("NVR002 ui-element-not-global", () => {
  it("reports elements inline in vstack/hstack and a bare displayed element, all fixable", () => {
    expect(diagnostics("cpu-inline-layout-elements")).toEqual(["NVR002:34", "NVR002:36", "NVR002:37", "NVR002:50"]);
  });

  it("renames private elements, except when assigned twice", () => {
    expect(diagnostics("cpu-private-names")).toEqual(["NVR002:14", "NVR002:21", "NVR002:22", "NVR002:30", "NVR002:37!", "NVR002:38!"]);
  });

  it("reports comprehensions, conditional layouts, f-strings, mo.sidebar and `.value` in the creating cell without a fix", () => {
    expect(diagnostics("crlf-tabs-legacy-nested-layouts")).toEqual([
      "NVR002:15",
      "NVR002:21!",
      "NVR002:22!",
      "NVR002:29!",
      "NVR002:30!",
      "NVR002:36!",
      "NVR002:47!",
    ]);
  });

  it("accepts bound elements, containers, forms, factories and display-only elements", () => {
    expect(diagnostics("bound-and-display-only-no-change")).toEqual([]);
  });
});
