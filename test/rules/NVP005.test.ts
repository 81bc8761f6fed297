// NVP005 host-sync-in-loop is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function lint(fixture: string) {
  const source = readFileSync(`testfixtures/NVP005/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVP005"] }).diagnostics;
}

function diagnostics(fixture: string): string[] {
  return lint(fixture).map((d) => `${d.code}:${d.line}`);
}

describe("NVP005 host-sync-in-loop", () => {
  it("reports per-step reads in the innermost training loop, once per chain, not those under `if`", () => {
    // running_loss += loss.item(); (...).mean().cpu().numpy() (one report); `if loss.item() > 1e3:`.
    // The `print(loss.item())` under `if step % 100 == 0:` and the epoch loop are left alone.
    expect(diagnostics("item-on-every-step")).toEqual(["NVP005:30", "NVP005:31", "NVP005:34"]);
  });

  it("reports a training loop in an @app.function body", () => {
    expect(diagnostics("cpu-app-function-training-step")).toEqual(["NVP005:22"]);
  });

  it("reports a `while` training loop but not a function defined inside it (CRLF)", () => {
    expect(diagnostics("crlf-while-loop-nested-def")).toEqual(["NVP005:27"]);
  });

  it("accepts sums kept on the GPU and reads every N steps or per epoch", () => {
    expect(diagnostics("cpu-accumulate-on-gpu-no-change")).toEqual([]);
  });

  it("is info-level, has no fix, and says what to do", () => {
    const [first, second] = lint("item-on-every-step");
    expect(first?.severity).toBe("info");
    expect(first?.fix).toBeUndefined();
    expect(first?.message).toContain("`loss.item()` waits for the GPU on every training step");
    expect(first?.message).toContain("loss.detach()");
    expect(second?.message).toContain("`….mean().cpu()`");
  });
});
