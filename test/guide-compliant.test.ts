// False positives: notebooks that follow the guide to the letter (testfixtures/guide-compliant)
// get no warning or error from any rule, and the fixer leaves them byte-identical.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixSource, lintSource } from "../src/index.js";

const DIR = "testfixtures/guide-compliant";
const files = readdirSync(DIR).filter((f) => f.endsWith(".py")).sort();

describe.each(files)("%s", (file) => {
  const source = readFileSync(join(DIR, file), "utf8");
  it("gets no warning or error from any rule", () => {
    const found = lintSource(source).diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.code}:${d.line} ${d.message}`);
    expect(found).toEqual([]);
  });
  it("is left byte-identical by every fix, unsafe ones included", () => {
    expect(fixSource(source, { unsafeFixes: true }).output).toBe(source);
  });
});

it("has at least three guide-compliant notebooks", () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});
