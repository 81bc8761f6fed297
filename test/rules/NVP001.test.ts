// NVP001 deprecated-cuda-amp: the uses that are reported without a fix (their outputs equal
// their inputs) and the compliant notebook are pinned here; the fixes are in testfixtures/NVP001.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVP001/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVP001"] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.fix ? "fix" : "no-fix"}`);
}

describe("NVP001 deprecated-cuda-amp", () => {
  it("reports values, `*args` calls and a cell without `torch` without a fix", () => {
    // `autocast` as a value (the whole import group stays), `torch.cuda.amp.GradScaler` as a value, `autocast(*args)`.
    expect(diagnostics("value-uses-not-fixed")).toEqual(["NVP001:21:no-fix", "NVP001:22:no-fix", "NVP001:24:no-fix"]);
    expect(diagnostics("torch-under-alias-and-cuda-module")).toEqual(["NVP001:17:fix", "NVP001:17:fix", "NVP001:18:fix", "NVP001:26:no-fix"]);
  });

  it("reports every use of names imported from torch.cuda.amp, never the cell's return", () => {
    expect(diagnostics("from-import-names")).toEqual(["NVP001:28:fix", "NVP001:36:fix", "NVP001:50:fix"]);
  });

  it("ignores torch.amp, strings and comments", () => {
    expect(diagnostics("cpu-already-torch-amp-no-change")).toEqual([]);
  });

  it("says what to use instead", () => {
    const source = readFileSync("testfixtures/NVP001/attribute-form-training-loop.input.py", "utf8");
    const [scaler, autocast] = lintSource(source, { select: ["NVP001"] }).diagnostics;
    expect(scaler?.message).toContain('use `torch.amp.GradScaler("cuda", ...)`');
    expect(autocast?.message).toContain('use `torch.autocast("cuda", ...)`');
    expect(autocast?.fixSafety).toBe("safe");
  });
});
