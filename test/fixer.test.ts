// The fix loop's own guarantees, with custom rules: a fix that crashes is reported and the
// other fixes still apply.
import { describe, expect, it } from "vitest";
import { defineRule, fixSource, fixSourceAsync, integerOption, lintSource, type Rule } from "../src/index.js";
import { notebook } from "./helpers/notebooks.js";

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

  it("gives a custom rule the options it declares, and rejects others", () => {
    const LIMIT = integerOption({ name: "limit", description: "test", minimum: 1, defaultValue: 3 });
    const withOption = defineRule({
      ...meta,
      code: "NVX009",
      name: "with-option",
      options: [LIMIT],
      check(context) {
        context.report({ start: 0, end: 1, message: `limit ${LIMIT.read(context.options.limit)}` });
      },
    });
    const messages = (ruleOptions?: Record<string, Record<string, unknown>>) => lintSource(NOTEBOOK, { rules: [withOption], ...(ruleOptions ? { ruleOptions } : {}) }).diagnostics.map((d) => d.message);
    expect(messages()).toEqual(["limit 3"]);
    expect(messages({ NVX009: { limit: 7 } })).toEqual(["limit 7"]);
    expect(() => messages({ NVX009: { limit: 0 } })).toThrow(new TypeError("`ruleOptions.NVX009.limit` must be a positive integer"));
    expect(() => messages({ NVX009: { limits: 7 } })).toThrow(new TypeError("unknown option `ruleOptions.NVX009.limits` (NVX009 takes: limit)"));
    // Only the rules given are known: options of a built-in rule left out are an error.
    expect(() => messages({ NVO001: { maxGlobals: 5 } })).toThrow(new TypeError("unknown rule code `ruleOptions.NVO001`"));
  });
});

const TWO_CELLS = notebook(["a = 1", "b = 2"]);

/** A rule together with the number of times the fix loop has linted with it. */
function counted(rule: (count: () => void) => Rule): { rule: Rule; lints: () => number } {
  let lints = 0;
  return { rule: rule(() => lints++), lints: () => lints };
}

describe("fixes applied together in one pass", () => {
  it("applies an edit that several fixes share once, and describes the later fixes without it", () => {
    // Like NVS001: every finding's fix inserts the same new cell, and edits its own cell.
    const seeding = counted((count) =>
      defineRule({
        ...meta,
        code: "NVX004",
        name: "shared-cell",
        check(context) {
          count();
          const source = context.notebook.source;
          // One object for all the fixes: the rule means it to be made once.
          const seedCell = { kind: "cell" as const, anchor: 0, where: "before" as const, code: "seed = 0" };
          for (const statement of ["a = 1", "b = 2"]) {
            const at = source.indexOf(statement);
            if (at < 0) continue;
            const edits = [seedCell, { kind: "text" as const, start: at + 4, end: at + 5, text: "seed" }];
            context.report({ start: at, end: at + 5, message: "unseeded", fix: { description: "use seed; insert a seed cell", sharedDescription: "use seed", edits } });
          }
        },
      }),
    );
    const result = fixSource(TWO_CELLS, { rules: [seeding.rule] });
    expect(result.output.match(/seed = 0/g)).toHaveLength(1);
    expect(result.output).toContain("    a = seed\n");
    expect(result.output).toContain("    b = seed\n");
    expect(result.applied.map((f) => f.description)).toEqual(["use seed; insert a seed cell", "use seed"]);
    // One pass, then the lint that finds nothing more to fix.
    expect(seeding.lints()).toBe(2);
    expect(result.internalErrors).toEqual([]);
  });

  it("does not share equal edits that are separate objects: each fix may count on making its own", () => {
    // Like two NVE004 fixes: each removes the same line and writes it back in its own text.
    const moving = counted((count) =>
      defineRule({
        ...meta,
        code: "NVX008",
        name: "moving",
        check(context) {
          count();
          const source = context.notebook.source;
          const a = source.indexOf("    a = 1\n");
          const b = source.indexOf("    b = 2\n");
          if (source.includes("moved") || a < 0 || b < 0) return;
          for (const [at, name] of [[a, "a"], [b, "b"]] as const) {
            const edits = [
              { kind: "text" as const, start: a, end: a + 10, text: "" },
              { kind: "text" as const, start: at, end: at, text: `    # moved ${name}\n` },
            ];
            context.report({ start: at, end: at + 1, message: "unmoved", fix: { description: `move ${name}`, edits } });
          }
        },
      }),
    );
    const result = fixSource(TWO_CELLS, { rules: [moving.rule] });
    expect(result.applied.map((f) => f.description)).toEqual(["move a"]);
    expect(result.output.match(/# moved/g)).toHaveLength(1);
  });

  it("lists a fix made only of edits another fix makes once", () => {
    // Like NVR002 or NVP006: the diagnostics of one group share one fix.
    const grouped = counted((count) =>
      defineRule({
        ...meta,
        code: "NVX005",
        name: "grouped",
        check(context) {
          count();
          const at = context.notebook.source.indexOf("b = 2");
          if (at < 0) return;
          const fix = { description: "make it three", edits: [{ kind: "text" as const, start: at + 4, end: at + 5, text: "3" }] };
          context.report({ start: at, end: at + 1, message: "first", fix });
          context.report({ start: at + 4, end: at + 5, message: "second", fix });
        },
      }),
    );
    const result = fixSource(TWO_CELLS, { rules: [grouped.rule] });
    expect(result.output).toContain("    b = 3\n");
    expect(result.applied.map((f) => f.description)).toEqual(["make it three"]);
    expect(grouped.lints()).toBe(2);
  });

  it("inserts lines where another fix's replacement starts, before the replacement's text", () => {
    // Like NVR003's `mo.stop` or NVS001's `set_seed(seed)` at the top of a cell that NVE001 wraps in `try`.
    const line = (source: string) => source.indexOf("    b = 2");
    const gate = counted((count) =>
      defineRule({
        ...meta,
        code: "NVX006",
        name: "gate",
        fixPriority: -10,
        check(context) {
          count();
          const source = context.notebook.source;
          if (source.includes("# gate") || line(source) < 0) return;
          context.report({ start: line(source), end: line(source), message: "ungated", fix: { description: "gate", edits: [{ kind: "text", start: line(source), end: line(source), text: "    # gate\n" }] } });
        },
      }),
    );
    const wrap = counted((count) =>
      defineRule({
        ...meta,
        code: "NVX007",
        name: "wrap",
        fixPriority: 10,
        check(context) {
          count();
          const at = line(context.notebook.source);
          if (at < 0 || context.notebook.source.includes("if True")) return;
          context.report({ start: at, end: at + 9, message: "unwrapped", fix: { description: "wrap", edits: [{ kind: "text", start: at, end: at + 9, text: "    if True:\n        b = 2" }] } });
        },
      }),
    );
    const result = fixSource(TWO_CELLS, { rules: [gate.rule, wrap.rule] });
    expect(result.output).toContain("def _():\n    # gate\n    if True:\n        b = 2\n    return\n");
    expect(result.applied.map((f) => f.code)).toEqual(["NVX006", "NVX007"]);
    expect(gate.lints()).toBe(2);
  });
});

describe("cells marimo cannot parse", () => {
  // A `return` before the cell's last line is "'return' outside function" to marimo (MB005),
  // which loads the cell as unparsable: its text is kept, so no fix may edit it.
  const EARLY_RETURN = notebookWith([
    "@app.cell",
    "def _(mo):",
    "    try:",
    "        import torch",
    "        return (torch,)",
    "    except ImportError:",
    '        mo.md("⚠️ **Warning**: torch is not installed")',
    "        return (None,)",
    "",
    "",
    "@app.cell",
    "def _(mo):",
    "    def steps():",
    "        yield 1",
    "        return",
    '    mo.md("⚠️ **Warning**: slow")',
    "    return",
  ]);

  function notebookWith(cells: string[]): string {
    return ["import marimo", "", "app = marimo.App()", "", "", "@app.cell", "def _():", "    import marimo as mo", "", "    return (mo,)", "", "", ...cells, "", "", 'if __name__ == "__main__":', "    app.run()", ""].join("\n");
  }

  it("a cell with a return of its own before its last line is unparsable, and its diagnostics come without a fix", () => {
    const diagnostics = lintSource(EARLY_RETURN, { select: ["NVU004"] }).diagnostics.map((d) => `${d.line}${d.fix ? "" : " (no fix)"}`);
    // Line 19 is in the try/except cell; line 28 in a cell whose return and yield belong to a nested function.
    expect(diagnostics).toEqual(["19 (no fix)", "28"]);
    const output = fixSource(EARLY_RETURN, { select: ["NVU004"] }).output;
    expect(output).toContain('        mo.md("⚠️ **Warning**: torch is not installed")\n');
    expect(output).toContain('    mo.md("⚠️ **Warning**: slow").callout(kind="warn")\n');
  });
});
