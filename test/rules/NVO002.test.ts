// NVO002: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";
import { notebook } from "../helpers/notebooks.js";

const CODE = "NVO002";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "async-setup-cell": ["NVO002:26:5 fix"],
  "cell-decorators-in-marimo-form": ["NVO002:16:5 fix", "NVO002:24:5 fix", "NVO002:31:5 fix", "NVO002:38:5 fix", "NVO002:45:5 fix"],
  "cell-decorators-crlf-tabs-async-setup": ["NVO002:21:2 fix", "NVO002:30:2 fix", "NVO002:37:2 fix"],
  "cells-after-run-guard": ["NVO002:15:5 fix"],
  "decorator-comments-move-into-cell": ["NVO002:17:5 fix", "NVO002:24:5 fix"],
  "cpu-intermediates-made-private": ["NVO002:16:5 fix", "NVO002:25:5 fix", "NVO002:26:5 fix", "NVO002:28:9 fix", "NVO002:35:5 fix"],
  "cpu-nested-scopes-renamed": ["NVO002:16:5 fix", "NVO002:17:5", "NVO002:19:9 fix", "NVO002:23:9 fix", "NVO002:29:9 fix", "NVO002:33:5 fix", "NVO002:34:5 fix", "NVO002:35:5 fix", "NVO002:36:5 fix", "NVO002:37:5 fix", "NVO002:38:5 fix", "NVO002:39:9 fix"],
  "legacy-async-tabs-crlf": ["NVO002:15:2 fix", "NVO002:16:6 fix"],
  "not-fixed-cases": ["NVO002:16:11", "NVO002:19:5 fix", "NVO002:20:5", "NVO002:21:5", "NVO002:22:5", "NVO002:23:5", "NVO002:30:5", "NVO002:37:5", "NVO002:44:5 fix", "NVO002:45:5"],
  "setup-and-functions-read-globals": ["NVO002:28:5 fix"],
  "ui-elements-and-read-globals-no-change": [],
  "whitespace-lines-in-strings": ["NVO002:16:15 fix", "NVO002:25:5 fix"],
  "return-line-comments-kept-crlf": ["NVO002:18:5 fix", "NVO002:23:5 fix", "NVO002:29:5 fix"],
  "tests-and-decorated-functions": ["NVO002:23:9", "NVO002:27:9", "NVO002:30:9 fix", "NVO002:33:5 fix"],
  "nfkc-spellings-renamed": ["NVO002:11:5 fix", "NVO002:13:5 fix"],
  // The task's only strong reference (asyncio keeps a weak one) stays global.
  "asyncio-task-kept-global": ["NVO002:18:15 fix", "NVO002:23:5", "NVO002:24:5 fix"],
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

  it("says why a name is not fixed", () => {
    const messages = lintSource(read("not-fixed-cases"), { select: [CODE] }).diagnostics.filter((d) => !d.fix).map((d) => d.message.replace(/^.*\(not fixed: /, ""));
    expect(messages).toEqual([
      "renaming a class changes how its instances print and pickle)",
      "it shadows a builtin; choose another name)",
      "marimo would delete the object when the cell finishes)",
      "marimo would delete the object when the cell finishes)",
      "an f-string prints its name (`{batch=}`))",
      "the cell reads its namespace dynamically)",
      "the defs of the named cell `train_step` are its API)",
      "the name appears in a `match` pattern)",
    ]);
  });

  it("does not report a `global` name whose function marimo could not rename", () => {
    const [diagnostic] = lintSource(read("cpu-nested-scopes-renamed"), { select: [CODE] }).diagnostics.filter((d) => d.line === 17);
    expect(diagnostic!.message).toContain("declares it `global`");
  });

  it("leaves on_change handlers to on-change-callback", () => {
    const source = readFileSync("testfixtures/NVR001/named-handler-same-cell.input.py", "utf8");
    expect(lintSource(source, { select: [CODE] }).diagnostics.map((d) => d.message)).not.toContainEqual(expect.stringContaining("handle_change"));
  });

  it("never reports imports", () => {
    const source = readFileSync("testfixtures/NVE001/cpu-training-tiny.input.py", "utf8");
    expect(lintSource(source, { select: [CODE] }).diagnostics.map((d) => d.message)).not.toContainEqual(expect.stringContaining("`mo`"));
  });
});

describe(`${CODE} and other notebooks`, () => {
  const middle = notebook(["x = 1\ny = 2\nx_plus_y = x + y"]);

  it("the keep option lists names read from elsewhere: never reported", () => {
    const codes = (options: Record<string, unknown>) => lintSource(middle, { select: [CODE], ruleOptions: { NVO002: options } }).diagnostics.map((d) => d.message.split("`")[1]);
    expect(codes({})).toEqual(["x", "y", "x_plus_y"]);
    expect(codes({ keep: ["x_plus_y"] })).toEqual(["x", "y"]);
    expect(() => lintSource(middle, { select: [CODE], ruleOptions: { NVO002: { keep: "x_plus_y" } } })).toThrow(/must be a list of strings/);
  });
});
