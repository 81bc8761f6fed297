// NVO001: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixSource, lintSource } from "../../src/index.js";

const CODE = "NVO001";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "few-globals-no-diagnostic": [],
  "intermediates-left-global": ["NVO001:38:9"],
  "setup-and-app-functions-not-counted": ["NVO001:40:5"],
  "tabs-async-crlf": ["NVO001:24:3"],
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

  it("reads the limit from the maxGlobals option", () => {
    const source = read("intermediates-left-global");
    expect(lintSource(source, { select: [CODE], ruleOptions: { NVO001: { maxGlobals: 14 } } }).diagnostics).toEqual([]);
    const strict = lintSource(source, { select: [CODE], ruleOptions: { NVO001: { maxGlobals: 5 } } }).diagnostics;
    expect(strict.map((d) => d.line)).toEqual([28]);
    expect(strict[0]!.message).toContain("14 public global variables (limit 5)");
    // An invalid option or an unknown one is an error, not the default used silently.
    expect(() => lintSource(source, { select: [CODE], ruleOptions: { NVO001: { maxGlobals: "many" } } })).toThrow(new TypeError("`ruleOptions.NVO001.maxGlobals` must be a non-negative integer"));
    expect(() => lintSource(source, { select: [CODE], ruleOptions: { NVO001: { maxGlobal: 5 } } })).toThrow(new TypeError("unknown option `ruleOptions.NVO001.maxGlobal` (NVO001 takes: maxGlobals)"));
    expect(() => fixSource(source, { ruleOptions: { NVX001: {} } })).toThrow(new TypeError("unknown rule code `ruleOptions.NVX001`"));
    // Options of a rule that is not selected are still checked, and still allowed.
    expect(lintSource(source, { select: ["NVG003"], ruleOptions: { NVO001: { maxGlobals: 5 } } }).diagnostics).toEqual([]);
  });

  it("lists the names and the cell that defines most of them", () => {
    const [diagnostic] = lintSource(read("intermediates-left-global"), { select: [CODE] }).diagnostics;
    expect(diagnostic!.message).toContain("`epochs`, `lr`, `data`, `intermediate_step_1`");
    expect(diagnostic!.message).toContain("6 of them come from the cell at line 32");
  });

  it("counts 8 or 9 names in the guide-compliant notebooks", () => {
    for (const file of ["training_guided", "inference_guided", "rapids_guided"]) {
      const source = readFileSync(`testfixtures/guide-compliant/${file}.py`, "utf8");
      expect(lintSource(source, { select: [CODE], ruleOptions: { NVO001: { maxGlobals: 7 } } }).diagnostics.length).toBe(1);
      expect(lintSource(source, { select: [CODE], ruleOptions: { NVO001: { maxGlobals: 9 } } }).diagnostics).toEqual([]);
    }
  });
});
