// NVE006 invalid-callout-kind: which kinds are reported, and which of them get no fix.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

/** `NVE006:<line>`, with `!` when the diagnostic has no fix. */
function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVE006/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVE006"] }).diagnostics.map((d) => `${d.code}:${d.line}${d.fix ? "" : "!"}`);
}

describe("NVE006 invalid-callout-kind", () => {
  it("reports kinds in mo.callout, .callout and conditional kinds", () => {
    expect(diagnostics("cpu-gpu-branch-kinds")).toEqual(["NVE006:22", "NVE006:31", "NVE006:42"]);
  });

  it("reports positional and differently cased kinds; leaves unknown ones unfixed", () => {
    expect(diagnostics("legacy-public-notebook-kinds")).toEqual(["NVE006:19", "NVE006:26", "NVE006:33!", "NVE006:39", "NVE006:45"]);
  });

  it("follows marimo aliases and `from marimo import callout`", () => {
    expect(diagnostics("crlf-tabs-aliases-async")).toEqual(["NVE006:17", "NVE006:18", "NVE006:19", "NVE006:30"]);
  });

  it("fixes .callout on objects marimo builds; reports it without a fix on any other object", () => {
    // gpu_note = mo.md(...) in another cell; _status = mo.vstack(...).center(); then another
    // library's Card(...), a loop variable and a value a notebook function returns.
    expect(diagnostics("method-on-other-objects")).toEqual(["NVE006:24", "NVE006:31", "NVE006:38!", "NVE006:48!", "NVE006:55!"]);
    const source = readFileSync("testfixtures/NVE006/method-on-other-objects.input.py", "utf8");
    const card = lintSource(source, { select: ["NVE006"] }).diagnostics.find((d) => d.line === 38);
    expect(card?.message).toContain('if `Card("Checkpoint saved")` is a marimo object; then use `kind="danger"`');
  });

  it("accepts the five valid kinds, also positional and computed", () => {
    expect(diagnostics("cpu-valid-kinds-no-change")).toEqual([]);
  });

  it("is an error: marimo raises ValueError", () => {
    const [first] = lintSource(readFileSync("testfixtures/NVE006/cpu-gpu-branch-kinds.input.py", "utf8"), { select: ["NVE006"] }).diagnostics;
    expect(first?.severity).toBe("error");
    expect(first?.message).toContain('use `kind="danger"`');
  });
});
