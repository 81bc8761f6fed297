// NVG001, NVG002 and NVT001 insert whole cells. Beyond the fixtures (test/fixtures.test.ts), this
// pins where they fire, that they agree on what a GPU notebook is, and that together (and with
// every other rule) they converge without internal errors.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixSource, lintSource } from "../../src/index.js";

const read = (path: string) => readFileSync(path, "utf8");
const lines = (source: string, code: string) =>
  lintSource(source, { select: [code] }).diagnostics.map((d) => `${d.code}:${d.line}${d.fix ? "" : " (no fix)"}`);

describe("NVG001 gpu-without-detection", () => {
  it.each([
    ["cuda-devices-routed", ["NVG001:36"]],
    ["check-in-cell-that-defines-nothing", ["NVG001:24"]],
    ["rapids-only-not-fixed", ["NVG001:9 (no fix)"]],
    ["cpu-already-checked", []],
    ["cpu-only-notebook-no-diagnostic", []],
  ])("%s", (name, expected) => {
    expect(lines(read(`testfixtures/NVG001/${name}.input.py`), "NVG001")).toEqual(expected);
  });

  it("explains why a check in a cell that defines nothing does not count", () => {
    const [d] = lintSource(read("testfixtures/NVG001/check-in-cell-that-defines-nothing.input.py"), { select: ["NVG001"] }).diagnostics;
    expect(d?.message).toContain("line 17 is in a cell that defines nothing");
  });

  it("when the GPU is used only in @app.function code, the inserted cell does not claim that GPU cells depend on it", () => {
    const source = read("testfixtures/NVG001/gpu-only-in-app-function.input.py");
    expect(lines(source, "NVG001")).toEqual(["NVG001:14"]);
    const output = fixSource(source, { select: ["NVG001"], unsafeFixes: true }).output;
    expect(output).toContain("The GPU code (in functions or the setup cell) does not read `device`: it runs without this check.");
    expect(output).not.toContain("every GPU cell depends on");
    expect(read("testfixtures/NVG001/cuda-devices-routed.output.py")).toContain("every GPU cell depends on `device`");
  });
});

describe("NVG002 no-memory-monitor", () => {
  it.each([
    ["after-detection-cell", ["NVG002:22"]],
    ["oom-handler-is-not-a-monitor", ["NVG002:18"]],
    ["rapids-only-not-fixed", ["NVG002:9 (no fix)"]],
    ["cpu-monitor-exists-no-change", []],
  ])("%s", (name, expected) => {
    expect(lines(read(`testfixtures/NVG002/${name}.input.py`), "NVG002")).toEqual(expected);
  });
});

describe("NVT001 no-self-test", () => {
  it.each([
    ["uses-detection-device", ["NVT001:22"]],
    ["setup-cell-alias-async-last", ["NVT001:16"]],
    ["rapids-only-not-fixed", ["NVT001:10 (no fix)"]],
    ["cpu-has-asserts-no-change", []],
  ])("%s", (name, expected) => {
    expect(lines(read(`testfixtures/NVT001/${name}.input.py`), "NVT001")).toEqual(expected);
  });
});

describe("the three cell-inserting rules together", () => {
  const source = read("testfixtures/NVG001/cuda-devices-routed.input.py");

  it("insert a detection cell, a monitor reading its device and a self-test, and converge", () => {
    const result = fixSource(source, { select: ["NVG001", "NVG002", "NVT001"], unsafeFixes: true });
    expect(result.internalErrors).toEqual([]);
    expect(result.converged).toBe(true);
    expect(result.applied.map((a) => a.code).sort()).toEqual(["NVG001", "NVG002", "NVT001"]);
    expect(result.output.match(/is_available\(\)/g)?.length).toBeGreaterThanOrEqual(1);
    expect(result.output).toContain("def _(device, memory_refresh, mo, torch):");
    expect(lintSource(result.output, { select: ["NVG001", "NVG002", "NVT001"] }).diagnostics).toEqual([]);
    const again = fixSource(result.output, { select: ["NVG001", "NVG002", "NVT001"], unsafeFixes: true });
    expect(again.output).toBe(result.output);
  });

  it("run with every other rule without internal errors", () => {
    const result = fixSource(source, { unsafeFixes: true });
    const ours = new Set(["NVG001", "NVG002", "NVG004", "NVT001", "NVT002"]);
    expect(result.internalErrors.filter((e) => ours.has(e.code))).toEqual([]);
    expect(result.converged).toBe(true);
    const codes = new Set(lintSource(result.output).diagnostics.map((d) => d.code));
    for (const code of ["NVG001", "NVG002", "NVT001"]) expect(codes.has(code)).toBe(false);
  });
});
