// NVE004 gpu-import-without-fallback: which imports are reported, and which of them get no fix.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

/** `NVE004:<line>`, with `!` when the diagnostic has no fix. */
function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVE004/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVE004"] }).diagnostics.map((d) => `${d.code}:${d.line}${d.fix ? "" : "!"}`);
}

describe("NVE004 gpu-import-without-fallback", () => {
  it("reports cuDF, cuML and `from cuml.cluster import` in an imports cell", () => {
    expect(diagnostics("rapids-imports-cell")).toEqual(["NVE004:15", "NVE004:16", "NVE004:17"]);
  });

  it("reports an import in an if block and in the setup cell", () => {
    expect(diagnostics("cpu-cupy-under-gpu-branch")).toEqual(["NVE004:17"]);
    expect(diagnostics("setup-cell-crlf-tabs")).toEqual(["NVE004:8"]);
  });

  it("accepts try/except ImportError, find_spec and suppress(ImportError); reports a function's import without a fix", () => {
    expect(diagnostics("cpu-guarded-and-function-no-fix")).toEqual(["NVE004:53!"]);
  });

  it("does not fix GPU-only APIs, cudf.pandas, multi-module imports or cells that display a value", () => {
    expect(diagnostics("not-fixable-shapes")).toEqual(["NVE004:15!", "NVE004:28!", "NVE004:35!", "NVE004:41!"]);
  });
});
