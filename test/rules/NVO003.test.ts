// NVO003: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

const CODE = "NVO003";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "descriptive-names-no-diagnostic": [],
  "guide-bad-examples": ["NVO003:16:5", "NVO003:17:5", "NVO003:18:5"],
  "setup-function-and-class-names": ["NVO003:9:5", "NVO003:10:5", "NVO003:14:5", "NVO003:20:7", "NVO003:32:2"],
  "short-names-and-aliases": ["NVO003:12:21", "NVO003:21:5", "NVO003:22:5", "NVO003:23:9", "NVO003:25:10", "NVO003:32:5"],
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

  it("suggests the guide's names and private names for one-cell values", () => {
    const messages = (name: string) => lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => d.message);
    expect(messages("guide-bad-examples")).toEqual([
      "`mem` is too generic to say what it holds: give it a name such as `gpu_memory_gb`",
      "`losses` is too generic to say what it holds: give it a name such as `training_loss_history`",
      "`path` is too generic to say what it holds: give it a name such as `model_checkpoint_path`",
    ]);
    expect(messages("short-names-and-aliases")[0]).toBe("The import alias `t` is not a known convention: import the module under its own name");
    expect(messages("short-names-and-aliases")[3]).toBe("`i` is too short to say what it holds: only this cell uses it, so make it private (`_i`) or give it a descriptive name (what it holds, and its unit)");
  });

  it("has severity info", () => {
    expect(lintSource(read("guide-bad-examples"), { select: [CODE] }).diagnostics.every((d) => d.severity === "info")).toBe(true);
  });
});
