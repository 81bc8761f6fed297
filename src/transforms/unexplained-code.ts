import { integerOption } from "../engine/options.js";
import { defineRule } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { startOf } from "../notebook/python.js";
import { blankedCode, codeRange } from "./lib/cell-globals.js";
import { isRegularCell } from "./lib/predicates.js";
import { keepClosures } from "../notebook/shapes.js";

const MAX_CODE_LINES = integerOption({
  name: "maxCodeLines",
  description: "A code cell with this many lines of code or more needs markdown nearby.",
  minimum: 1,
  defaultValue: 30,
});

const docs = `
## What it does
Looks for code that the notebook does not explain (guide, section 10.1 "Explain Concepts"):

- a **long code cell** (30 lines of code or more, not counting blank lines, comments and
  strings; option \`maxCodeLines\`) with no markdown nearby: neither of the two cells above it
  nor the cell below it is a markdown cell (a cell that only shows \`mo.md(...)\`), and the cell
  shows no markdown of its own;
- a notebook with **no documentation link** at all (no \`http://\` or \`https://\` URL in its
  markdown, docstrings or comments), reported once, at the \`app = marimo.App(...)\` line.

## Why is this bad?
A GPU notebook is read as much as it is run. A long block of training or kernel code without
a word of explanation tells the reader what happens but not why (why mixed precision, why this
batch size, why \`pin_memory\`), and without links they cannot learn more (the guide's
checklist: "Concepts explained clearly", "Links to documentation").

## Example
\`\`\`python
@app.cell
def _(model, loader, optimizer, scaler):
    for images, labels in loader:
        ...  # 40 lines of training code, no markdown cell around it
\`\`\`

Use instead:
\`\`\`python
@app.cell(hide_code=True)
def _(mo):
    mo.md(r"""
    ## Mixed precision training

    FP16 matrix multiplications run on tensor cores, about 2x faster on Volta and newer...
    [NVIDIA Mixed Precision Guide](https://docs.nvidia.com/deeplearning/performance/mixed-precision-training/)
    """)
    return


@app.cell
def _(model, loader, optimizer, scaler):
    for images, labels in loader:
        ...
\`\`\`

## Fix
None: explanations have to be written by someone who understands the code.

## Fix safety
No fix is offered.
`;

/** A call of `mo.md(...)` (any alias), in code whose strings are blanked. */
const MARKDOWN_CALL = /(?:^|[^\w.])(?:\w+\s*\.\s*)?md\s*\(/;
/** Blanked code without whitespace that only shows markdown: `mo.md()`, `mo.md().callout(kind=)`. */
const MARKDOWN_ONLY = /^(?:(?:\w+\.)?md\(\)(?:\.callout\([^()]*\))?;?)+$/;

export const unexplainedCode = defineRule({
  code: "NVL001",
  name: "unexplained-code",
  section: "10.1",
  severity: "info",
  fix: "none",
  summary: "Long code cell with no markdown nearby, or a notebook with no documentation links",
  docs,
  options: [MAX_CODE_LINES],
  check(context) {
    const { notebook } = context;
    const limit = MAX_CODE_LINES.read(context.options.maxCodeLines);
    const cells = notebook.cells.filter(isRegularCell);
    const markdown = new Map<number, boolean>();
    const isMarkdownCell = (cell: Cell | undefined) => {
      if (!cell) return false;
      let known = markdown.get(cell.index);
      if (known === undefined) {
        const range = codeRange(notebook, cell);
        const blank = blankedCode(notebook, range.start, range.end);
        // Cheap first: markdown-only code calls `md`.
        known = blank.includes("md") && MARKDOWN_ONLY.test(blank.replace(/\s+/g, ""));
        markdown.set(cell.index, known);
      }
      return known;
    };
    keepClosures("unexplainedCode", isMarkdownCell);
    for (let position = 0; position < cells.length; position++) {
      const cell = cells[position]!;
      const range = codeRange(notebook, cell);
      // Cheap bound first: fewer physical lines than the limit cannot hold enough code.
      if (lineCount(notebook.source, range.start, range.end) < limit) continue;
      const lines = codeLineCount(blankedCode(notebook, range.start, range.end));
      if (lines < limit) continue;
      const blank = blankedCode(notebook, range.start, range.end);
      if (blank.includes("md") && MARKDOWN_CALL.test(blank)) continue;
      if ([cells[position - 1], cells[position - 2], cells[position + 1]].some(isMarkdownCell)) continue;
      const start = firstStatementStart(notebook.source, range) ?? (cell.statements[0] ? startOf(cell.statements[0]) : range.start);
      const lineEnd = notebook.source.indexOf("\n", start);
      context.report({
        start,
        end: (lineEnd === -1 ? notebook.source.length : lineEnd) - (notebook.source[lineEnd - 1] === "\r" ? 1 : 0),
        message: `This cell has ${lines} lines of code and no markdown nearby: add a markdown cell above it that explains what the code does and why`,
      });
    }
    if (cells.length > 0 && !/https?:\/\//.test(notebook.source)) {
      const app = appStatement(notebook);
      context.report({
        start: app.start,
        end: app.end,
        message: "The notebook links to no documentation: link the docs of the libraries and techniques it uses (for example in the title markdown cell)",
      });
    }
  },
});

/** Lines with something other than whitespace (strings and comments are blanked already). */
function codeLineCount(blank: string): number {
  let count = 0;
  let seen = false;
  for (let i = 0; i < blank.length; i++) {
    const c = blank.charCodeAt(i);
    if (c === 10) {
      if (seen) count++;
      seen = false;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 12) seen = true;
  }
  return seen ? count + 1 : count;
}

/**
 * Where `cell.statements[0]` starts (the range's first code, comments skipped), or the range's
 * start when it holds no statement; read from the text, undefined when unsure (a `\\` line).
 */
function firstStatementStart(source: string, range: { start: number; end: number }): number | undefined {
  let i = range.start;
  while (i < range.end) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) i++;
    else if (c === 35) {
      const lineEnd = source.indexOf("\n", i);
      i = lineEnd === -1 ? range.end : lineEnd;
    } else break;
  }
  if (i >= range.end) return range.start;
  return source.charCodeAt(i) === 92 ? undefined : i;
}

function lineCount(source: string, start: number, end: number): number {
  let count = 1;
  for (let i = source.indexOf("\n", start); i !== -1 && i < end; i = source.indexOf("\n", i + 1)) count++;
  return count;
}

function appStatement(notebook: Notebook): { start: number; end: number } {
  const match = /^app\s*=\s*marimo\.App\b[^\n]*/m.exec(notebook.source);
  if (!match) return { start: 0, end: 0 };
  const end = match.index + match[0].replace(/\r$/, "").length;
  return { start: match.index, end };
}
