// NVT002 no-benchmark is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVT002/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVT002"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

describe("NVT002 no-benchmark", () => {
  it("reports GPU work that is never timed (a comment about timing does not count)", () => {
    expect(diagnostics("gpu-work-untimed")).toEqual(["NVT002:18"]);
  });

  it("reports a CUDA-or-CPU notebook whose only `time` call is not a clock read", () => {
    expect(diagnostics("cpu-untimed-with-device-fallback")).toEqual(["NVT002:19"]);
  });

  it("reports a CuPy notebook (CRLF, tabs, async cell) where timing is only mentioned in a string", () => {
    expect(diagnostics("cupy-async-crlf-tabs")).toEqual(["NVT002:9"]);
  });

  it("accepts a perf_counter benchmark under an alias imported in the setup cell", () => {
    expect(diagnostics("cpu-perf-counter-benchmark-no-diagnostic")).toEqual([]);
  });

  it("accepts CUDA events in legacy `def __` cells", () => {
    expect(diagnostics("cuda-events-legacy-cells-no-diagnostic")).toEqual([]);
  });

  it("is info-level, has no fix and names the right synchronize call", () => {
    const cupy = readFileSync("testfixtures/NVT002/cupy-async-crlf-tabs.input.py", "utf8");
    const [diagnostic] = lintSource(cupy, { select: ["NVT002"] }).diagnostics;
    expect(diagnostic?.severity).toBe("info");
    expect(diagnostic?.fix).toBeUndefined();
    expect(diagnostic?.message).toContain("cupy.cuda.Device().synchronize()");
  });
});
