// NVD002: the exact diagnostics (line:column, "fix" when one is offered) of every fixture.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintSource } from "../../src/index.js";

const CODE = "NVD002";
const DIR = `testfixtures/${CODE}`;

function read(name: string): string {
  return readFileSync(`${DIR}/${name}.input.py`, "utf8");
}

function diagnostics(name: string): string[] {
  return lintSource(read(name), { select: [CODE] }).diagnostics.map((d) => `${d.code}:${d.line}:${d.column}${d.fix ? " fix" : ""}`);
}

const EXPECTED: Record<string, string[]> = {
  "author-present-date-missing": ["NVD002:1:1 fix"],
  "complete-guide-format-no-change": [],
  "cpu-numpy-partial": ["NVD002:1:1 fix"],
  "cpu-torch-features-only": ["NVD002:1:1 fix"],
  "crlf-line-endings": ["NVD002:1:1 fix"],
  "features-missing-before-requirements": ["NVD002:1:1 fix"],
  "one-line-triple-quoted": ["NVD002:1:1 fix"],
  "placeholders-reported-no-change": ["NVD002:1:1"],
  "requirements-last-section": ["NVD002:1:1 fix"],
  "requirements-without-gpu-lines": ["NVD002:4:1 fix"],
  "single-quoted-docstring-not-fixed": ["NVD002:1:1"],
  "title-and-description-only": ["NVD002:1:1 fix"],
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

  it("names the missing parts", () => {
    const [diagnostic] = lintSource(read("requirements-last-section"), { select: [CODE] }).diagnostics;
    expect(diagnostic!.message).toContain("GPU requirements (VRAM, compute capability), CUDA version, Tested configurations, Author and Date");
  });

  it("reports placeholders without a fix once every section is there", () => {
    const [diagnostic] = lintSource(read("placeholders-reported-no-change"), { select: [CODE] }).diagnostics;
    expect(diagnostic!.message).toContain("placeholders in description, Author and Date");
    expect(diagnostic!.fix).toBeUndefined();
  });

  it("does not ask CPU notebooks for VRAM or CUDA", () => {
    const [diagnostic] = lintSource(read("cpu-numpy-partial"), { select: [CODE] }).diagnostics;
    expect(diagnostic!.message).not.toContain("CUDA");
    expect(diagnostic!.message).not.toContain("VRAM");
  });
});
