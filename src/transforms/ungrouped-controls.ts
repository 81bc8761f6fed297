import { defineRule } from "../engine/types.js";
import { cellAt, type Cell, type Notebook } from "../notebook/model.js";
import type { Matcher, PyNode } from "../notebook/python.js";
import { moduleAliases } from "./lib/imports.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds UI controls (\`mo.ui.slider\`, \`number\`, \`text\`, \`dropdown\`, \`checkbox\`, \`switch\`,
\`radio\`, \`multiselect\`, \`date\`, \`file\`, \`button\`, \`run_button\`, \`refresh\`, ...) that are
shown one per output: consecutive cells whose output is a single control, or a cell whose output
is a bare tuple or list of controls (\`epochs, learning_rate\`).

## Why is this bad?
Controls scattered over several outputs make the reader scroll to configure one experiment, and a
tuple or list of controls is rendered as a plain sequence, not a layout. The guide groups related
controls with \`mo.hstack\` / \`mo.vstack\` in one configuration panel, with a heading and a tip
(section 8.1 "Visual Layout").

## Example
\`\`\`python
@app.cell
def _():
    epochs = mo.ui.slider(1, 50, value=10, label="Epochs")
    epochs
    return (epochs,)


@app.cell
def _():
    learning_rate = mo.ui.number(1e-5, 1e-1, value=1e-3, label="Learning rate")
    learning_rate
    return (learning_rate,)
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _():
    epochs = mo.ui.slider(1, 50, value=10, label="Epochs")
    learning_rate = mo.ui.number(1e-5, 1e-1, value=1e-3, label="Learning rate")
    mo.vstack([mo.md("## Training configuration"), mo.hstack([epochs, learning_rate])])
    return epochs, learning_rate
\`\`\`

## Fix
None: which controls belong together, and in which order, is a design decision. Move them into
one cell and display them with \`mo.hstack([...])\` or \`mo.vstack([...])\`.

## Fix safety
No fix.
`;

const CONTROLS = "slider|range_slider|number|text|text_area|dropdown|checkbox|switch|radio|multiselect|date|datetime|date_range|file|file_browser|button|run_button|refresh|code_editor|microphone";

export const ungroupedControls = defineRule({
  code: "NVU001",
  name: "ungrouped-controls",
  section: "8.1",
  severity: "warning",
  fix: "none",
  summary: "Several UI controls shown one per output instead of grouped with `mo.hstack`/`mo.vstack`",
  docs,
  check(context) {
    const { notebook } = context;
    if (!notebook.source.includes(".ui.")) return;
    const aliases = moduleAliases(notebook, "marimo");
    if (aliases.length === 0) return;
    const names = aliases.map(escapeRegex).join("|");
    // The top-of-file `import marimo` is not visible in cells: prefer the cells' own alias.
    const mo = aliases.includes("mo") ? "mo" : (aliases.find((a) => a !== "marimo") ?? "mo");

    // First pass on text (no native query): controls bound at the start of a line.
    const textControls = controlsBoundInText(notebook.source, names);
    if (textControls.size === 0 || findings(notebook, textControls).length === 0) return;

    // Confirm on the syntax tree, so that text in strings and comments never counts.
    const assignments: Matcher = {
      rule: { kind: "assignment", all: [{ has: { field: "left", kind: "identifier" } }, { has: { field: "right", regex: `^(?:${names})\\.ui\\.(?:${CONTROLS})\\s*\\(` } }] },
    };
    const controls = new Set(notebook.root.root().findAll(assignments).map((a) => a.field("left")!.text()));
    for (const finding of findings(notebook, controls)) {
      const layout = `\`${mo}.hstack([${finding.names.join(", ")}])\` (or \`${mo}.vstack\`)`;
      context.report({
        node: finding.node,
        message:
          finding.kind === "cells"
            ? `${listNames(finding.names)} are shown one per cell: group related controls in one cell with ${layout}`
            : `${listNames(finding.names)} are shown as a plain ${finding.kind}: lay them out with ${layout}`,
      });
    }
  },
});

/**
 * The names in `name = <alias>.ui.<control>(` matches of a multiline regex, found without
 * scanning the whole source with it: a match starts at a line start and holds exactly one `=`
 * before the `.ui.` it contains, so it can only start after the second `=` before some `.ui.`
 * and before the first. Only those line starts are tried, in order, skipping past each match:
 * the same matches as a global scan.
 */
function controlsBoundInText(source: string, names: string): Set<string> {
  const pattern = new RegExp(`^[ \\t]*([\\p{L}_][\\p{L}\\p{N}_]*)\\s*(?::[^=\\n]+)?=\\s*(?:${names})\\.ui\\.(?:${CONTROLS})\\s*\\(`, "ymu");
  const controls = new Set<string>();
  // Line starts below `next` are tried already, or inside a match (matches do not overlap).
  let next = 0;
  for (let ui = source.indexOf(".ui."); ui !== -1; ui = source.indexOf(".ui.", ui + 1)) {
    const equals = ui > 0 ? source.lastIndexOf("=", ui - 1) : -1;
    if (equals < 0) continue;
    const previous = equals > 0 ? source.lastIndexOf("=", equals - 1) : -1;
    for (let at = Math.max(next, previous + 1); at < equals; at++) {
      if (at > 0 && !isLineTerminator(source.charCodeAt(at - 1))) continue;
      pattern.lastIndex = at;
      const match = pattern.exec(source);
      if (!match) continue;
      controls.add(match[1]!);
      next = pattern.lastIndex;
      at = next - 1;
    }
    next = Math.max(next, equals);
  }
  return controls;
}

/** Where a multiline `^` matches after: LF, CR, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

interface Finding {
  /** `cells`: one control per cell over consecutive cells; `tuple`/`list`: one output. */
  readonly kind: "cells" | "tuple" | "list";
  readonly names: readonly string[];
  readonly node: PyNode;
}

function findings(notebook: Notebook, controls: ReadonlySet<string>): Finding[] {
  const found: Finding[] = [];
  let run: Array<{ name: string; node: PyNode }> = [];
  const mentioning = cellsMentioning(notebook, controls);
  const flush = () => {
    if (run.length >= 2) found.push({ kind: "cells", names: run.map((r) => r.name), node: run[0]!.node });
    run = [];
  };
  for (const cell of notebook.cells) {
    // Top-level functions and the setup cell have no output: they neither extend nor end a run.
    if (cell.kind !== "cell") continue;
    const shown = mentioning.has(cell) ? displayedControls(cell, controls) : [];
    if (shown.length === 0) {
      flush();
      continue;
    }
    // A cell that shows controls has a last statement: its output (read only here, since
    // reading a cell's statements costs native calls).
    const last = cell.statements.at(-1)!;
    if (shown.length === 1) {
      run.push({ name: shown[0]!, node: last });
      continue;
    }
    flush();
    found.push({ kind: last.child(0)?.kind() === "list" ? "list" : "tuple", names: shown, node: last });
  }
  flush();
  return found;
}

/**
 * The cells whose text contains a control's name. A cell whose output shows a control contains
 * its name; finding the names in the source once is cheaper than searching every cell's text,
 * and the whole cell's text is cheaper to read than its body's (the end of the signature is read
 * from the tree).
 */
function cellsMentioning(notebook: Notebook, controls: ReadonlySet<string>): Set<Cell> {
  const source = notebook.source;
  const cells = new Set<Cell>();
  for (const control of controls) {
    for (let at = source.indexOf(control); at !== -1; at = source.indexOf(control, at + 1)) {
      const cell = cellAt(notebook, at);
      if (cell && at + control.length <= cell.end) cells.add(cell);
    }
  }
  return cells;
}

/** The controls a cell's output shows: one bare name, or a tuple/list made only of controls. */
function displayedControls(cell: Cell, controls: ReadonlySet<string>): string[] {
  const last = cell.statements.at(-1);
  if (last?.kind() !== "expression_statement") return [];
  let items = last.children().filter((c) => c.isNamed());
  if (items.length === 1 && (items[0]!.kind() === "list" || items[0]!.kind() === "tuple")) {
    items = items[0]!.children().filter((c) => c.isNamed());
  }
  if (items.length === 0 || !items.every((i) => i.kind() === "identifier" && controls.has(i.text()))) return [];
  return items.map((i) => i.text());
}

function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 2 ? quoted.join(" and ") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}
