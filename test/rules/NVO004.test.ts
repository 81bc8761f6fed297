// NVO004: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

const CODE = "NVO004";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "fully-annotated-no-diagnostic": [],
  "legacy-async-tabs-crlf": ["NVO004:11:12"],
  "methods-self-and-init": ["NVO004:20:9", "NVO004:46:13"],
  "untyped-helpers": ["NVO004:16:9", "NVO004:21:9", "NVO004:25:9"],
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

  it("lists the parameters and the return type to annotate", () => {
    const messages = lintSource(read("untyped-helpers"), { select: [CODE] }).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      "Function `benchmark_gpu_operations` lacks type hints: annotate parameters `data_size`, `num_iterations`, `precision` and the return type",
      "Function `to_device` lacks type hints: annotate the return type",
      "Function `log_all` lacks type hints: annotate parameters `*messages`, `**fields`",
    ]);
  });
});
