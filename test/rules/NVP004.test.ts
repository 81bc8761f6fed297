// NVP004 blocking-transfer-in-loop: copies from a loader that does not pin memory are reported
// without a fix; the fixes are in testfixtures/NVP004.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function lint(fixture: string) {
  const source = readFileSync(`testfixtures/NVP004/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVP004"] }).diagnostics;
}

describe("NVP004 blocking-transfer-in-loop", () => {
  it("reports host-to-device copies from a pageable loader without a fix, never copies back to the host", () => {
    const found = lint("pageable-loader-reported-not-fixed");
    expect(found.map((d) => `${d.code}:${d.line}`)).toEqual(["NVP004:21"]);
    expect(found[0]?.fix).toBeUndefined();
    expect(found[0]?.message).toContain("create `loader` with `pin_memory=True`");
  });

  it("leaves non_blocking copies and loops over plain lists alone", () => {
    expect(lint("cpu-non-blocking-already-no-change")).toEqual([]);
  });

  it("leaves dtype conversions and the model alone", () => {
    expect(lint("pinned-loader-training-loop").map((d) => `${d.line}:${d.column}`)).toEqual(["32:30", "32:49"]);
  });
});
