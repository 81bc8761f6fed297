// NVE003 vague-error-message: which handlers are reported, and which of them get no fix.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

/** `NVE003:<line>`, with `!` when the diagnostic has no fix. */
function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVE003/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVE003"] }).diagnostics.map((d) => `${d.code}:${d.line}${d.fix ? "" : "!"}`);
}

describe("NVE003 vague-error-message", () => {
  it("reports broad handlers with fixed messages and specific ones with generic messages", () => {
    expect(diagnostics("cpu-fixed-messages")).toEqual(["NVE003:22", "NVE003:33", "NVE003:48", "NVE003:55"]);
  });

  it("reports broad handlers that only pass, not `except ImportError: pass`", () => {
    expect(diagnostics("cpu-silent-pass")).toEqual(["NVE003:25", "NVE003:31", "NVE003:48"]);
  });

  it("leaves %-formatted and .format() messages unfixed (setup cell, @app.function, async cell, tabs, CRLF)", () => {
    expect(diagnostics("crlf-tabs-setup-function-async")).toEqual([
      "NVE003:13",
      "NVE003:24",
      "NVE003:35",
      "NVE003:44!",
      "NVE003:48",
      "NVE003:52!",
      "NVE003:61",
    ]);
  });

  it("accepts handlers that use the exception, log it, re-raise or recover", () => {
    expect(diagnostics("informative-handlers-no-change")).toEqual([]);
  });
});
