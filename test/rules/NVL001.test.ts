// NVL001: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

const CODE = "NVL001";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "legacy-tabs-long-cell-crlf": ["NVL001:4:1", "NVL001:23:2"],
  "long-cell-showing-markdown": [],
  "long-cell-with-markdown-above": [],
  "long-cell-without-markdown": ["NVL001:4:1", "NVL001:23:5"],
  "short-cells-and-links-no-diagnostic": [],
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

  it("reads the threshold from the maxCodeLines option", () => {
    const source = read("long-cell-without-markdown");
    expect(lintSource(source, { select: [CODE], ruleOptions: { NVL001: { maxCodeLines: 40 } } }).diagnostics.map((d) => d.line)).toEqual([4]);
  });

  it("has severity info", () => {
    expect(lintSource(read("long-cell-without-markdown"), { select: [CODE] }).diagnostics.every((d) => d.severity === "info")).toBe(true);
  });
});
