// NVP002 gpu-timing-without-sync: intervals that are already right, and end times read where
// no statement can be inserted, are pinned here; the fixes are in testfixtures/NVP002.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVP002/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVP002"] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.fix ? "fix" : "no-fix"}`);
}

describe("NVP002 gpu-timing-without-sync", () => {
  it("accepts synchronize() (also under `if`), a host read before the end time, and CPU-only intervals", () => {
    expect(diagnostics("cpu-synchronized-or-cpu-only-no-change")).toEqual([]);
  });

  it("reports an end time read in an `if` header without a fix", () => {
    expect(diagnostics("public-start-and-compound-end-partial-fix")).toEqual(["NVP002:22:fix", "NVP002:31:no-fix"]);
  });

  it("finds `t1 - t0`, `time() - start` and aliased clocks", () => {
    expect(diagnostics("cpu-perf-counter-end-variable")).toEqual(["NVP002:25:fix"]);
    expect(diagnostics("cpu-from-time-import-names")).toEqual(["NVP002:23:fix", "NVP002:35:fix", "NVP002:38:fix"]);
    expect(diagnostics("app-function-return-and-setup")).toEqual(["NVP002:20:fix"]);
  });
});
