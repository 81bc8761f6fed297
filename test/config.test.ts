// loadConfig's `extend`: what an extending file takes from the file it extends.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/cli/config.js";
import { tempDir } from "./helpers/cli.js";

function files(entries: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(entries)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("extend", () => {
  it("merges rule options option by option; settings the extending file leaves unset come from the extended one", () => {
    const dir = files({
      "base.toml": 'unsafe-fixes = true\nforce-exclude = true\nselect = ["NVO"]\nextend-exclude = ["vendor", "proj/build/**"]\n\n[rules.NVO001]\nmaxGlobals = 3\n\n[rules.NVL001]\nmaxCodeLines = 40\n',
      "proj/pyproject.toml": '[tool.nvmarimo-fix]\nextend = "../base.toml"\nforce-exclude = false\nextend-select = ["NVG003"]\n\n[tool.nvmarimo-fix.rules.NVO001]\nmaxGlobals = 5\n',
    });
    const config = loadConfig(join(dir, "proj/pyproject.toml"));
    expect(config.unsafeFixes).toBe(true);
    expect(config.forceExclude).toBe(false);
    expect(config.ruleOptions).toEqual({ NVO001: { maxGlobals: 5 }, NVL001: { maxCodeLines: 40 } });
    expect(config.inherited).toEqual([{ path: join(dir, "base.toml"), select: ["NVO"] }]);
    expect(config.select).toBeUndefined();
    expect(config.extendSelect).toEqual(["NVG003"]);
    // `proj/build/**` from the base's directory is `build/**` from the project's.
    expect(config.exclude).toEqual(["vendor", "build/**"]);
  });

  it("an extended file that is not a configuration, or a bad extend value, is an error naming the file", () => {
    const dir = files({ "a/pyproject.toml": '[tool.nvmarimo-fix]\nextend = 3\n', "b/pyproject.toml": '[tool.nvmarimo-fix]\nextend = "../c/pyproject.toml"\n', "c/pyproject.toml": '[project]\nname = "c"\n' });
    expect(() => loadConfig(join(dir, "a/pyproject.toml"))).toThrow(/a\/pyproject\.toml: `tool\.nvmarimo-fix\.extend` must be the path of a configuration file/);
    expect(() => loadConfig(join(dir, "b/pyproject.toml"))).toThrow(/c\/pyproject\.toml: no \[tool\.nvmarimo-fix\] table/);
  });
});

describe("rule options", () => {
  it("max-globals and rules.NVO001.maxGlobals together are an error: neither silently wins", () => {
    const dir = files({ "pyproject.toml": "[tool.nvmarimo-fix]\nmax-globals = 8\n\n[tool.nvmarimo-fix.rules.NVO001]\nmaxGlobals = 12\n" });
    expect(() => loadConfig(join(dir, "pyproject.toml"))).toThrow(
      /pyproject\.toml: `tool\.nvmarimo-fix\.max-globals` and `tool\.nvmarimo-fix\.rules\.NVO001\.maxGlobals` set the same option: keep one/,
    );
    const alone = files({ "pyproject.toml": "[tool.nvmarimo-fix]\nmax-globals = 8\n" });
    expect(loadConfig(join(alone, "pyproject.toml")).ruleOptions).toEqual({ NVO001: { maxGlobals: 8 } });
  });
});
