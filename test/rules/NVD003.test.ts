// NVD003: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

const CODE = "NVD003";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "control-defined-below-reader": ["NVD003:22:5", "NVD003:23:5"],
  "gpu-check-below-gpu-use": ["NVD003:16:13"],
  "guide-order-no-diagnostic": [],
  "late-imports-after-work": ["NVD003:29:5", "NVD003:51:5"],
  "legacy-tabs-and-async": ["NVD003:24:2", "NVD003:25:2"],
};

describe(CODE, () => {
  it.each(Object.entries(EXPECTED))("%s", (name, expected) => {
    expect(diagnostics(name)).toEqual(expected);
  });

  it("lists every fixture", () => {
    const names = readdirSync(DIR).filter((f) => f.endsWith(".input.py")).map((f) => f.slice(0, -".input.py".length)).sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(names);
  });

  it("stays silent on the guide-compliant notebooks", () => {
    for (const file of readdirSync("testfixtures/guide-compliant").filter((f) => f.endsWith(".py"))) {
      expect(lintSource(readFileSync(`testfixtures/guide-compliant/${file}`, "utf8"), { select: [CODE] }).diagnostics).toEqual([]);
    }
  });

  it("explains each kind of disorder", () => {
    const messages = (name: string) => lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => d.message);
    expect(messages("late-imports-after-work")[0]).toBe("`import matplotlib.pyplot as plt` comes after the cell at line 20, which already does work: move imports to the first cell (or the setup cell)");
    expect(messages("gpu-check-below-gpu-use")[0]).toContain("above the GPU check in the cell at line 20");
    expect(messages("control-defined-below-reader")[0]).toBe("The control `epochs` is defined below the cell at line 11 that reads it: move the configuration cell above the logic that uses it");
  });
});
