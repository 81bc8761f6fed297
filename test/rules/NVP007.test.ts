// NVP007 no-mixed-precision is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function lint(fixture: string) {
  const source = readFileSync(`testfixtures/NVP007/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVP007"] }).diagnostics;
}

function diagnostics(fixture: string): string[] {
  return lint(fixture).map((d) => `${d.code}:${d.line}`);
}

describe("NVP007 no-mixed-precision", () => {
  it("reports the innermost training loop, even when a markdown string mentions autocast", () => {
    expect(diagnostics("fp32-training-loop")).toEqual(["NVP007:33"]);
  });

  it("reports a training loop in an @app.function body (setup cell imports)", () => {
    expect(diagnostics("cpu-app-function-setup-cell")).toEqual(["NVP007:15"]);
  });

  it("reports `for` and `while` training loops of legacy `def __` cells (CRLF)", () => {
    expect(diagnostics("crlf-legacy-two-loops")).toEqual(["NVP007:26", "NVP007:31"]);
  });

  it("accepts notebooks that use autocast or BF16 weights", () => {
    expect(diagnostics("cpu-autocast-used-no-change")).toEqual([]);
    expect(diagnostics("tabs-bf16-weights-no-change")).toEqual([]);
  });

  it("is info-level, has no fix, and points at the loop header", () => {
    const [first] = lint("fp32-training-loop");
    expect(first?.severity).toBe("info");
    expect(first?.fix).toBeUndefined();
    expect(first?.endLine).toBe(33);
    expect(first?.message).toContain('torch.autocast("cuda", dtype=torch.float16)');
  });
});
