// Rule documentation is written once, in the rule modules; docs/rules.md is generated from them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rulesReference } from "../src/cli/rule-docs.js";
import { ALL_RULES } from "../src/index.js";

describe("rule documentation", () => {
  it("docs/rules.md matches the rule modules (run `npm run docs` after changing a rule)", () => {
    expect(readFileSync("docs/rules.md", "utf8")).toBe(rulesReference(ALL_RULES));
  });

  it.each(ALL_RULES.map((r) => [r.code, r] as const))("%s has every section and metadata", (_code, rule) => {
    for (const section of ["## What it does", "## Why is this bad?", "## Example", "## Fix", "## Fix safety"]) {
      expect(rule.docs, `${rule.code} lacks "${section}"`).toContain(section);
    }
    expect(rule.docs).not.toContain("TODO");
    expect(rule.summary).not.toBe("TODO");
    expect(rule.code).toMatch(/^NV[DOGRPESUTL]\d{3}$/);
    expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it("codes and names are unique and never collide with marimo's own (MB/MR/MF/MW)", () => {
    expect(new Set(ALL_RULES.map((r) => r.code)).size).toBe(ALL_RULES.length);
    expect(new Set(ALL_RULES.map((r) => r.name)).size).toBe(ALL_RULES.length);
    for (const rule of ALL_RULES) expect(rule.code).not.toMatch(/^M[BRFW]/);
  });
});
