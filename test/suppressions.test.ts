// Suppression comments (README "Suppressions"): only real comments count, `ignore-file[CODES]`,
// `noqa` read as ruff reads it, and warnings for codes of ours that name no rule.
import { describe, expect, it } from "vitest";
import { ALL_RULES, defineRule, fixSource, lintSource } from "../src/index.js";
import { DEL_WITHOUT_EMPTY_CACHE } from "./helpers/notebooks.js";

const DEL = "    del model\n";

/** DEL_WITHOUT_EMPTY_CACHE with its `del model` line (line 21, NVG003) replaced. */
function onDel(line: string): string {
  expect(DEL_WITHOUT_EMPTY_CACHE).toContain(DEL);
  return DEL_WITHOUT_EMPTY_CACHE.replace(DEL, `${line}\n`);
}

/** `code@line` of every diagnostic of the selected rules. */
function found(source: string, select = ["NVG003"]): string[] {
  return lintSource(source, { select }).diagnostics.map((d) => `${d.code}@${d.line}`);
}

function warnings(source: string): string[] {
  return lintSource(source, { select: ["NVG003"] }).internalErrors.map((e) => e.message);
}

describe("the documented forms", () => {
  it("ignore[CODE] and noqa on the line, ignore[PREFIX] on the def line, ignore-file", () => {
    expect(found(DEL_WITHOUT_EMPTY_CACHE)).toEqual(["NVG003@21"]);
    expect(found(onDel("    del model  # nvmarimo: ignore[NVG003]"))).toEqual([]);
    expect(found(onDel("    del model  # noqa: NVG003"))).toEqual([]);
    expect(found(onDel("    del model  # noqa: NVR001"))).toEqual(["NVG003@21"]);
    expect(found(DEL_WITHOUT_EMPTY_CACHE.replace("def _(model):", "def _(model):  # nvmarimo: ignore[NVG]"))).toEqual([]);
    expect(found("# nvmarimo: ignore-file\n" + DEL_WITHOUT_EMPTY_CACHE, ["ALL"])).toEqual([]);
    // Bare forms: every rule, on that line.
    expect(found(onDel("    del model  # nvmarimo: ignore"))).toEqual([]);
    expect(found(onDel("    del model  # noqa"))).toEqual([]);
    expect(warnings(onDel("    del model  # nvmarimo: ignore[NVG003]  # noqa: E501"))).toEqual([]);
  });

  it("the same with CRLF line endings", () => {
    for (const comment of ["# nvmarimo: ignore", "# nvmarimo: ignore[NVG003]", "# noqa", "# noqa: NVG003", "# NOQA: E501 NVG003"]) {
      const source = onDel(`    del model  ${comment}`).replace(/\n/g, "\r\n");
      expect(found(source), comment).toEqual([]);
      expect(warnings(source), comment).toEqual([]);
    }
    expect(found(("# nvmarimo: ignore-file\n" + DEL_WITHOUT_EMPTY_CACHE).replace(/\n/g, "\r\n"))).toEqual([]);
    expect(found(("# nvmarimo: ignore-file[NVG]\n" + DEL_WITHOUT_EMPTY_CACHE).replace(/\n/g, "\r\n"))).toEqual([]);
  });

  it("codes in an ignore[...] list are separated by commas and/or blanks", () => {
    expect(found(onDel("    del model  # nvmarimo: ignore[NVR001, NVG003]"))).toEqual([]);
    expect(found(onDel("    del model  # nvmarimo: ignore[NVR001 NVG003]"))).toEqual([]);
  });

  it("a def-line `ignore` covers the cell; a def-line `noqa` only its own line, as in ruff", () => {
    const select = ["NVG001", "NVG003"];
    const cell = (comment: string) => DEL_WITHOUT_EMPTY_CACHE.replace("def _(torch):", `def _(torch):  ${comment}`);
    expect(found(DEL_WITHOUT_EMPTY_CACHE, select)).toEqual(["NVG001@15", "NVG003@21"]);
    expect(found(cell("# nvmarimo: ignore"), select)).toEqual(["NVG003@21"]);
    expect(found(cell("# noqa"), select)).toEqual(["NVG001@15", "NVG003@21"]);
    expect(found(cell("# noqa: NVG001"), select)).toEqual(["NVG001@15", "NVG003@21"]);
  });
});

describe("only comments count, not strings", () => {
  it("a directive inside a string literal suppresses nothing", () => {
    expect(found(onDel('    del model; s = "# noqa: NVG003"'))).toEqual(["NVG003@21"]);
    expect(found(onDel("    del model; s = '# nvmarimo: ignore[NVG003]'"))).toEqual(["NVG003@21"]);
    expect(found(onDel('    del model; s = f"{1}# noqa"'))).toEqual(["NVG003@21"]);
    // A `#` in a string before the real comment does not hide it.
    expect(found(onDel('    del model; s = "#"  # noqa: NVG003'))).toEqual([]);
  });

  it("`# nvmarimo: ignore-file` inside a triple-quoted string does not ignore the file", () => {
    const source = onDel('    del model\n    _s = """\n# nvmarimo: ignore-file\n# noqa\n"""');
    expect(found(source)).toEqual(["NVG003@21"]);
    // The same line as a comment still does.
    expect(found(onDel("    del model\n# nvmarimo: ignore-file"))).toEqual([]);
  });

  it("a directive in a string gives no warning either", () => {
    expect(warnings(onDel('    del model; s = "# nvmarimo: ignore[NVG03]"'))).toEqual([]);
  });
});

describe("long comments", () => {
  it("10,000 `#`s and blanks before the directive, or 20,000 blanks inside its list, are read in linear time", () => {
    const started = Date.now();
    expect(found(onDel(`    del model  ${"# ".repeat(10_000)}noqa: NVG003`))).toEqual([]);
    expect(found(onDel(`    del model  # noqa: E501${" ".repeat(20_000)}NVG003`))).toEqual([]);
    expect(found(onDel(`    del model  # nvmarimo: ignore[E501${", ".repeat(10_000)}NVG003]`))).toEqual([]);
    expect(found(onDel(`    del model  # nvmarimo: ignore[${"N".repeat(20_000)}`))).toEqual(["NVG003@21"]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("ignore-file[CODES]", () => {
  const all = ["NVG", "NVT001"];
  it("ignores the listed codes and prefixes for the whole file, and nothing else", () => {
    expect(found(DEL_WITHOUT_EMPTY_CACHE, all)).toEqual(["NVG001@15", "NVG002@15", "NVT001@15", "NVG003@21"]);
    expect(found("# nvmarimo: ignore-file[NVG003]\n" + DEL_WITHOUT_EMPTY_CACHE, all)).toEqual(["NVG001@16", "NVG002@16", "NVT001@16"]);
    expect(found("# nvmarimo: ignore-file[NVG]\n" + DEL_WITHOUT_EMPTY_CACHE, all)).toEqual(["NVT001@16"]);
    expect(found("# nvmarimo: ignore-file[NVG001, NVT001 NVG003]\n" + DEL_WITHOUT_EMPTY_CACHE, all)).toEqual(["NVG002@16"]);
    // Anywhere in the file, as `ignore-file` is.
    expect(found(onDel("    del model  # nvmarimo: ignore-file[NVG003]"), all)).toEqual(["NVG001@15", "NVG002@15", "NVT001@15"]);
  });

  it("a fix run applies no fix of an ignored rule", () => {
    const source = "# nvmarimo: ignore-file[NVG003]\n" + DEL_WITHOUT_EMPTY_CACHE;
    const result = fixSource(source, { select: ["NVG003"] });
    expect(result.output).toBe(source);
    expect(result.internalErrors).toEqual([]);
  });
});

describe("noqa, read as ruff reads it", () => {
  it("`noqa` in any case; codes separated by commas and/or blanks, among other tools' codes", () => {
    for (const comment of [
      "# NOQA: NVG003",
      "# NoQa:NVG003",
      "#noqa:NVG003",
      "# noqa : NVG003",
      "# noqa: E501 NVG003",
      "# noqa: E501, NVG003",
      "# noqa: E501,NVG003,W291",
      "# noqa:\tE501 ,, NVG003",
      "# noqa: NVG003 freed in the next cell",
      "# noqa: NVG003# trailing",
      "# noqa: NVG",
      "# type: ignore  # noqa: NVG003",
      "# noqa NVR001",
    ]) {
      expect(found(onDel(`    del model  ${comment}`)), comment).toEqual([]);
      expect(warnings(onDel(`    del model  ${comment}`)), comment).toEqual([]);
    }
  });

  it("is no suppression where ruff reads none", () => {
    for (const comment of [
      "# noqa: E501", // another tool's code only
      "# freed later, noqa: NVG003", // `noqa` must follow a `#`
      "# noqa:", // no codes
      "# noqa: e501", // codes are upper case
      "# noqa: NVG003.", // a bad suffix spoils the comment
      "# noqa: NVG003abc",
      "# noqa.",
      "# noqaNVG003",
      "# noqa: E501 because NVG003", // a word ends the list
      "# noqa: E501 # noqa: NVG003", // only the first `noqa` of a comment counts
    ]) {
      expect(found(onDel(`    del model  ${comment}`)), comment).toEqual(["NVG003@21"]);
    }
  });
});

describe("warnings for suppressions that cannot work", () => {
  it("a code that starts with NV but names no rule or prefix", () => {
    expect(warnings(onDel("    del model  # nvmarimo: ignore[NVG03]"))).toEqual(["line 21: `# nvmarimo: ignore[NVG03]` names `NVG03`, which is no rule code or prefix: it suppresses nothing"]);
    expect(warnings(onDel("    del model  # noqa: E501, NVG0003"))).toEqual(["line 21: `# noqa: E501, NVG0003` names `NVG0003`, which is no rule code or prefix: it suppresses nothing"]);
    expect(warnings("# nvmarimo: ignore-file[NVX]\n" + DEL_WITHOUT_EMPTY_CACHE)).toEqual(["line 1: `# nvmarimo: ignore-file[NVX]` names `NVX`, which is no rule code or prefix: it suppresses nothing"]);
    // A code in lower case.
    expect(warnings(onDel("    del model  # nvmarimo: ignore[nvg003]"))).toEqual(["line 21: `# nvmarimo: ignore[nvg003]` names `nvg003`, which is no rule code or prefix (codes are upper case: `NVG003`): it suppresses nothing"]);
    expect(warnings(onDel("    del model  # noqa: nvg003"))).toEqual(["line 21: `# noqa: nvg003` names `nvg003`, which is no rule code or prefix (codes are upper case: `NVG003`): it suppresses nothing"]);
    // The valid codes of the same comment still work.
    expect(found(onDel("    del model  # nvmarimo: ignore[NVG03, NVG003]"))).toEqual([]);
  });

  it("a `# nvmarimo:` comment that is no directive", () => {
    for (const comment of ["# nvmarimo: ingore[NVG003]", "# nvmarimo: ignore[]", "# nvmarimo: ignore[NVG003", "# nvmarimo: ignore-files", "# nvmarimo: ignore: NVG003"]) {
      expect(found(onDel(`    del model  ${comment}`)), comment).toEqual(["NVG003@21"]);
      expect(warnings(onDel(`    del model  ${comment}`)), comment).toEqual([`line 21: \`${comment}\` is not a suppression comment (expected \`# nvmarimo: ignore[CODES]\`, \`ignore\`, \`ignore-file\` or \`ignore-file[CODES]\`)`]);
    }
  });

  it("none for other tools' codes, for codes of unselected rules, or for the codes of custom rules given", () => {
    expect(warnings(onDel("    del model  # noqa: E501, F401, NVR001"))).toEqual([]);
    const custom = defineRule({ code: "NVZ900", name: "custom", section: "0", severity: "info", fix: "none", summary: "s", docs: "d", check: () => {} });
    const source = onDel("    del model  # nvmarimo: ignore[NVZ900]");
    expect(lintSource(source, { select: ["NVG003"] }).internalErrors.map((e) => e.message)).toHaveLength(1);
    expect(lintSource(source, { rules: [...ALL_RULES, custom], select: ["NVG003"] }).internalErrors).toEqual([]);
  });

  it("a fix run gives them too, once", () => {
    const result = fixSource(onDel("    del model  # nvmarimo: ignore[NVG03]"), { select: ["NVG003"] });
    expect(result.internalErrors.map((e) => e.message)).toEqual(["line 21: `# nvmarimo: ignore[NVG03]` names `NVG03`, which is no rule code or prefix: it suppresses nothing"]);
  });
});
