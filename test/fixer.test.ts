// The fix loop's own guarantees, with custom rules: a fix that crashes is reported and the
// other fixes still apply.
import { describe, expect, it } from "vitest";
import { defineRule, fixSource, fixSourceAsync, lintSource, type Rule } from "../src/index.js";

const NOTEBOOK = [
  "import marimo",
  "",
  'app = marimo.App(width="medium")',
  "",
  "",
  "@app.cell",
  "def _():",
  "    value = 1",
  "    return (value,)",
  "",
  "",
  'if __name__ == "__main__":',
  "    app.run()",
  "",
].join("\n");

const meta = { section: "0", severity: "warning", fix: "safe", summary: "test", docs: "test" } as const;

/** Renames `value = 1` to `value = 2`. */
const good: Rule = defineRule({
  ...meta,
  code: "NVX001",
  name: "good",
  check(context) {
    const at = context.notebook.source.indexOf("value = 1");
    if (at < 0) return;
    context.report({ start: at, end: at + 9, message: "one", fix: { description: "make it two", edits: [{ kind: "text", start: at + 8, end: at + 9, text: "2" }] } });
  },
});

/** Reports a fix whose edits throw when they are computed (as a lazy fix can). */
const crashing: Rule = defineRule({
  ...meta,
  code: "NVX002",
  name: "crashing",
  check(context) {
    const at = context.notebook.source.indexOf("app = marimo");
    context.report({
      start: at,
      end: at + 3,
      message: "boom",
      fix: {
        description: "never",
        get edits(): never {
          throw new Error("no edits today");
        },
      },
    });
  },
});

describe("fix loop", () => {
  it("reports a fix that crashes computing its edits and applies the others", () => {
    const result = fixSource(NOTEBOOK, { rules: [crashing, good] });
    expect(result.output).toContain("value = 2");
    expect(result.applied.map((f) => f.code)).toEqual(["NVX001"]);
    expect(result.internalErrors.map((e) => e.message)).toContainEqual(expect.stringContaining("NVX002 crashed computing its fix at line 3: no edits today"));
  });

  it("gives the same result when it yields between passes", async () => {
    const sync = fixSource(NOTEBOOK, { rules: [crashing, good] });
    const yielded = await fixSourceAsync(NOTEBOOK, { rules: [crashing, good] });
    expect(yielded.output).toBe(sync.output);
    expect(yielded.applied).toEqual(sync.applied);
    expect(yielded.diff).toBe(sync.diff);
  });
});

/** Takes the context's functions out of it, as a custom rule may. */
const destructuring: Rule = defineRule({
  ...meta,
  code: "NVX003",
  name: "destructuring",
  check(context) {
    const { report, cellAt, freshName, dataflow, notebook } = context;
    const { lineOf } = notebook;
    const at = notebook.source.indexOf("value = 1");
    const cell = cellAt(at);
    report({ start: at, end: at + 5, message: `cell ${cell?.index} line ${lineOf(at)} ${freshName("value")} defines ${[...dataflow().definers.keys()].join(",")}` });
  },
});

describe("rule context", () => {
  it("works when a rule takes its functions out of the context and the notebook", () => {
    const result = lintSource(NOTEBOOK, { rules: [destructuring] });
    expect(result.internalErrors).toEqual([]);
    expect(result.diagnostics.map((d) => d.message)).toEqual(["cell 0 line 8 value_2 defines value"]);
  });
});
