// NVE002 swallowed-stop is lint-only: the fixtures' outputs equal their inputs, so the exact
// diagnostics are pinned here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

function diagnostics(fixture: string): string[] {
  const source = readFileSync(`testfixtures/NVE002/${fixture}.input.py`, "utf8");
  return lintSource(source, { select: ["NVE002"] }).diagnostics.map((d) => `${d.code}:${d.line}`);
}

describe("NVE002 swallowed-stop", () => {
  it("reports mo.stop under a bare except and under except BaseException", () => {
    expect(diagnostics("cpu-bare-except-around-gpu-check")).toEqual(["NVE002:20", "NVE002:32"]);
  });

  it("follows aliases (`import marimo as m`, `from marimo import stop`), @app.function bodies, suppress(BaseException) and nested try blocks", () => {
    expect(diagnostics("aliases-setup-function-async")).toEqual(["NVE002:17", "NVE002:29", "NVE002:37"]);
  });

  it("reports legacy tab-indented CRLF cells", () => {
    expect(diagnostics("crlf-tabs-legacy-cells")).toEqual(["NVE002:23"]);
  });

  it("accepts except Exception, re-raising handlers, MarimoStopError, stops in handlers and finally, and nested functions", () => {
    expect(diagnostics("cpu-compliant-handlers-no-diagnostic")).toEqual([]);
  });

  it("is a warning without a fix that names the handler's line", () => {
    const [first] = lintSource(readFileSync("testfixtures/NVE002/cpu-bare-except-around-gpu-check.input.py", "utf8"), { select: ["NVE002"] }).diagnostics;
    expect(first?.severity).toBe("warning");
    expect(first?.fix).toBeUndefined();
    expect(first?.message).toContain("the bare `except:` on line 22");
  });
});
