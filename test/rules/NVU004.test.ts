// NVU004 warning-without-callout: the fixtures pin the fixes; these pin the diagnostics.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVU004/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVU004"] }).diagnostics.map((d) => `${d.code}:${d.line}${d.fix ? "" : " (no fix)"}`);
}

describe("NVU004 warning-without-callout", () => {
  it("reports warnings and errors shown as plain markdown", () => {
    expect(diagnostics("cpu-stop-output-and-error-display")).toEqual(["NVU004:16", "NVU004:32", "NVU004:42"]);
    expect(diagnostics("setup-function-async-and-tabs")).toEqual(["NVU004:17", "NVU004:23", "NVU004:33"]);
    expect(diagnostics("crlf-legacy-cells")).toEqual(["NVU004:15"]);
  });

  it("understands aliases, `from marimo import md`, `text=`, concatenation, and does not fix markdown used further", () => {
    expect(diagnostics("aliases-keywords-and-used-further")).toEqual(["NVU004:17", "NVU004:18", "NVU004:19", "NVU004:20 (no fix)"]);
  });

  it("reports a mo.md statement that is not its cell's output as never shown, without a fix", () => {
    // Inside `try`/`except` and `else`, and before the cell's last statement; the conditional
    // expression that is a cell's output gets its callout.
    expect(diagnostics("cpu-never-shown-statements")).toEqual(["NVU004:25 (no fix)", "NVU004:27 (no fix)", "NVU004:34", "NVU004:40 (no fix)"]);
    const source = readFileSync("testfixtures/NVU004/cpu-never-shown-statements.input.py", "utf8");
    const [first] = lintSource(source, { select: ["NVU004"] }).diagnostics;
    expect(first?.message).toContain("This warning is never shown: marimo displays only a cell's last expression");
  });

  it("accepts callouts, headings and ordinary text", () => {
    expect(diagnostics("cpu-callouts-and-headings-no-change")).toEqual([]);
  });

  it("picks danger for errors and warn for warnings", () => {
    const source = readFileSync("testfixtures/NVU004/cpu-stop-output-and-error-display.input.py", "utf8");
    const kinds = lintSource(source, { select: ["NVU004"] }).diagnostics.map((d) => d.fix?.description);
    expect(kinds).toEqual(['Append `.callout(kind="warn")`', 'Append `.callout(kind="danger")`', 'Append `.callout(kind="warn")`']);
  });

  it("picks warn for a run cancelled, aborted or skipped on purpose, even behind an error emoji", () => {
    const source = readFileSync("testfixtures/NVU004/cancelled-runs-warn.input.py", "utf8");
    const kinds = lintSource(source, { select: ["NVU004"] }).diagnostics.map((d) => `${d.line} ${d.fix?.description}`);
    // "❌ Cancelled: ...", "🛑 **Download aborted**"; "❌ **Checksum failed**" stays an error.
    expect(kinds).toEqual(['25 Append `.callout(kind="warn")`', '33 Append `.callout(kind="warn")`', '33 Append `.callout(kind="danger")`']);
  });
});
