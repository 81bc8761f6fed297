import { defineRule } from "../engine/types.js";
import type { Cell } from "../notebook/model.js";
import { type Matcher, type PyNode } from "../notebook/python.js";
import { moduleAliases } from "./lib/imports.js";

const docs = `
## What it does
Finds cells that report results or errors with \`print(...)\`. One diagnostic per cell for
results, and one for errors printed in an \`except\` handler. Prints that write to a file
(\`file=...\`), prints inside \`with mo.redirect_stdout():\` (which marimo shows as the output),
and prints in \`@app.function\` helpers and the setup cell are not reported.

## Why is this bad?
In marimo, \`print\` goes to the console area under the cell, in plain monospace, away from the
cell's output; a notebook run as an app (\`marimo run\`) does not show it at all. The guide shows
results as the cell's output with context (\`mo.md\`, \`mo.stat\`, success callouts) and errors in
\`kind="danger"\` callouts with the exception and a remedy (sections 8.2 "Informative Feedback"
and 6.1 "GPU Error Handling").

## Example
\`\`\`python
accuracy = evaluate(model, test_loader)
print(f"Accuracy: {accuracy:.2%}")
\`\`\`

Use instead:
\`\`\`python
accuracy = evaluate(model, test_loader)
mo.md(f"✅ **Accuracy**: {accuracy:.2%}").callout(kind="success")
\`\`\`

## Fix
None: what to show, and how, depends on the cell; a cell has one output, so several prints
usually become one \`mo.md\` or \`mo.vstack\`. Print statements used as a progress log are better
replaced by \`mo.status.progress_bar\`.

## Fix safety
No fix.
`;

/**
 * Calls of `print`; the few hits are then classified from their ancestors. A pattern rather than
 * `regex: "^print$"`: the native matcher compiles a regex on every query.
 */
const PRINT: Matcher = { rule: { kind: "call", has: { field: "function", kind: "identifier", pattern: "print" } } };
const TO_FILE = /[(,]\s*file\s*=(?!=)/;
const REDIRECT = /^with\s[^:]*(?:redirect|capture)_std(?:out|err)\s*\(/;

/**
 * Whether the call passes `file=`. The arguments' text ends the call's text, and what comes
 * before it (`print` and blanks, or a comment) can only add matches: only a call whose whole
 * text matches needs its arguments read.
 */
function writesToFile(callText: string, call: PyNode): boolean {
  return TO_FILE.test(callText) && TO_FILE.test(call.field("arguments")?.text() ?? "");
}

export const printFeedback = defineRule({
  code: "NVU002",
  name: "print-feedback",
  section: "8.2",
  severity: "info",
  fix: "none",
  summary: "Results or errors reported with `print` instead of `mo.md` / callouts",
  docs,
  check(context) {
    const { notebook } = context;
    if (!notebook.source.includes("print(")) return;
    const byCell = new Map<number, { results: PyNode[]; errors: PyNode[] }>();
    // Query only the cells that mention `print(` when they are few; each `findAll` call compiles
    // the rule, so many cells are cheaper to search as one tree.
    const printing: Cell[] = [];
    for (const cell of notebook.cells) if (cell.kind === "cell" && notebook.source.slice(cell.start, cell.end).includes("print(")) printing.push(cell);
    const calls = printing.length <= 2 ? printing.flatMap((c) => c.node.findAll(PRINT)) : notebook.root.root().findAll(PRINT);
    for (const call of calls) {
      const range = call.range();
      if (writesToFile(notebook.source.slice(range.start.index, range.end.index), call)) continue;
      const cell = context.cellAt(range.start.index);
      if (!cell || cell.kind !== "cell") continue;
      let inExcept = false;
      let redirected = false;
      // Both need a word in the cell's text (the ancestors read are inside the cell): most
      // cells have neither, and walking the ancestors costs a native call each.
      const cellText = notebook.source.slice(cell.start, cell.end);
      if (cellText.includes("except") || /(?:redirect|capture)_std/.test(cellText)) {
        for (const ancestor of call.ancestors()) {
          const kind = ancestor.kind();
          if (kind === "except_clause") inExcept = true;
          else if (kind === "with_statement" && REDIRECT.test(ancestor.text())) redirected = true;
          else if (kind === "decorated_definition" || kind === "module") break;
        }
      }
      if (redirected) continue;
      const entry = byCell.get(cell.index) ?? { results: [], errors: [] };
      (inExcept ? entry.errors : entry.results).push(call);
      byCell.set(cell.index, entry);
    }
    const aliases = moduleAliases(notebook, "marimo");
    const mo = aliases.includes("mo") ? "mo" : (aliases.find((a) => a !== "marimo") ?? "mo");
    for (const { results, errors } of byCell.values()) {
      const first = results[0];
      if (first) {
        const count = results.length === 1 ? "" : ` (${results.length} calls)`;
        context.report({
          node: first,
          message: `This cell reports with \`print\`${count}, which goes to the console, not the cell's output: show results with \`${mo}.md(f"...")\` (or \`${mo}.stat\`, a success callout) as the cell's last expression`,
        });
      }
      const error = errors[0];
      if (error) {
        context.report({
          node: error,
          message: `This error is reported with \`print\`: show it with \`${mo}.callout(${mo}.md(f"... {e}"), kind="danger")\` and a remedy, or stop the cell with \`${mo}.stop(True, ...)\``,
        });
      }
    }
  },
});
