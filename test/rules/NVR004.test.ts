// NVR004 long-loop-without-progress: which loops are reported, and which of them get no fix.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

/** `NVR004:<line>`, with `!` when the diagnostic has no fix. */
function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVR004/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVR004"] }).diagnostics.map((d) => `${d.code}:${d.line}${d.fix ? "" : "!"}`);
}

describe("NVR004 long-loop-without-progress", () => {
  it("reports the outer epoch loop (not its batch loop) and an evaluation loop", () => {
    expect(diagnostics("cpu-epoch-and-eval-loops")).toEqual(["NVR004:36", "NVR004:52"]);
  });

  it("reports a loop over a generator and a while loop, not the generator's own loop", () => {
    expect(diagnostics("cpu-spinner-for-unsized-loops")).toEqual(["NVR004:30", "NVR004:42"]);
  });

  it("reports loops in @app.function bodies and async cells", () => {
    expect(diagnostics("app-function-and-no-marimo")).toEqual(["NVR004:16", "NVR004:28", "NVR004:30"]);
    expect(diagnostics("crlf-tabs-legacy-spinner")).toEqual(["NVR004:17"]);
  });

  it("leaves while loops run once per pass of another loop alone; a repeated loop's bar goes away when done", () => {
    // Escape-time `while` loops per pixel (inline, and in a function called per pixel); a batch
    // loop in train_one_epoch(), called from the epoch loop.
    expect(diagnostics("cpu-inner-loops-and-helpers")).toEqual(["NVR004:60", "NVR004:74"]);
    const source = readFileSync("testfixtures/NVR004/cpu-inner-loops-and-helpers.input.py", "utf8");
    const fixes = lintSource(source, { select: ["NVR004"] }).diagnostics.map((d) => d.fix?.description);
    expect(fixes).toEqual([
      'Wrap the loop\'s iterable in `mo.status.progress_bar(..., title="Training", remove_on_exit=True)`',
      'Wrap the loop\'s iterable in `mo.status.progress_bar(..., title="Training")`',
    ]);
  });

  it("an epoch loop that only summarises stored histories is not long; one that calls train_one_epoch() is", () => {
    expect(diagnostics("cpu-epoch-summaries-not-long")).toEqual(["NVR004:39"]);
  });

  it("reports without a fix when no cell imports marimo", () => {
    expect(diagnostics("crlf-tabs-no-marimo-import")).toEqual(["NVR004:16!"]);
  });

  it("accepts progress bars, spinners (also around a function's call), tqdm and short loops", () => {
    expect(diagnostics("progress-already-shown-no-change")).toEqual([]);
  });
});
