// NVP006 uncached-model-load: loads that cannot be wrapped are reported without a fix (their
// outputs equal their inputs), and cached loads are not reported; wraps are in testfixtures/NVP006.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function lint(fixture: string) {
  const source = readFileSync(`testfixtures/NVP006/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVP006"] }).diagnostics;
}

function diagnostics(fixture: string): string[] {
  return lint(fixture).map((d) => `${d.code}:${d.line}:${d.fix ? "fix" : "no-fix"}`);
}

describe("NVP006 uncached-model-load", () => {
  it("does not pickle a model on the GPU (device_map=, quantized) and leaves streaming data sets alone", () => {
    expect(diagnostics("gpu-placed-quantized-and-streaming-loads")).toEqual(["NVP006:29:no-fix", "NVP006:30:no-fix", "NVP006:33:fix"]);
    const [quantized] = lint("gpu-placed-quantized-and-streaming-loads");
    expect(quantized?.message).toContain("a quantized model lives on the GPU, so not through `mo.persistent_cache`'s pickles: load it in a function decorated with `@mo.cache`");
  });

  it("does not wrap the displayed value, a side-effect load, or a load inside `try`", () => {
    expect(diagnostics("unassigned-loads-not-fixed")).toEqual(["NVP006:18:fix", "NVP006:24:no-fix", "NVP006:31:no-fix", "NVP006:33:no-fix"]);
  });

  it("asks to decorate a loading @app.function and leaves the setup cell unfixed", () => {
    const found = lint("app-function-and-setup-cell-not-fixed");
    expect(found.map((d) => `${d.line}:${d.fix ? "fix" : "no-fix"}`)).toEqual(["12:no-fix", "18:no-fix"]);
    expect(found[1]?.message).toContain("decorate `load_pipeline` with `@mo.persistent_cache`");
  });

  it("accepts loads under mo.cache, @mo.cache, functools caches, and functions only called in a cache block", () => {
    expect(lint("cpu-already-cached-no-change")).toEqual([]);
  });
});
