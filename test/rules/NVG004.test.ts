// NVG004 fixed-batch-size is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVG004/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVG004"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

describe("NVG004 fixed-batch-size", () => {
  it("reports literal batch sizes: assignments, arguments and parameter defaults", () => {
    // BATCH_SIZE = 128, batch_size=256 (batch_size=1 and the comment/string are left alone),
    // per_device_train_batch_size: int = 16.
    expect(diagnostics("literal-batch-sizes")).toEqual(["NVG004:19", "NVG004:30", "NVG004:37"]);
  });

  it("reports a DataLoader batch size in a notebook that falls back to the CPU", () => {
    expect(diagnostics("cpu-training-loop-literal")).toEqual(["NVG004:25"]);
  });

  it("reports the setup cell and @app.function defaults (CRLF, tabs, async cell)", () => {
    expect(diagnostics("setup-cell-app-function-crlf-tabs")).toEqual(["NVG004:10", "NVG004:14"]);
  });

  it("accepts batch sizes chosen from the GPU's memory", () => {
    expect(diagnostics("cpu-memory-derived-no-diagnostic")).toEqual([]);
  });

  it("ignores notebooks that do not train", () => {
    expect(diagnostics("inference-only-no-diagnostic")).toEqual([]);
  });

  it("is info-level and has no fix", () => {
    const source = readFileSync("testfixtures/NVG004/literal-batch-sizes.input.py", "utf8");
    const [first] = lintSource(source, { select: ["NVG004"] }).diagnostics;
    expect(first?.severity).toBe("info");
    expect(first?.fix).toBeUndefined();
    expect(first?.message).toContain("`BATCH_SIZE` is fixed at 128");
  });
});
