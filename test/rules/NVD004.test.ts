// NVD004: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

const CODE = "NVD004";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "app-functions-and-methods": ["NVD004:11:9", "NVD004:16:5", "NVD004:24:5", "NVD004:33:9"],
  "cell-functions-without-docstrings": ["NVD004:16:9", "NVD004:19:15", "NVD004:29:13"],
  "documented-no-diagnostic": [],
  "legacy-tabs-crlf": ["NVD004:9:6"],
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
});
