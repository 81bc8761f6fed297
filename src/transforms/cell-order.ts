import { defineRule, type RuleContext } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { startOf, type Matcher } from "../notebook/python.js";
import { cellGlobals, type GlobalBinding } from "./lib/cell-globals.js";
import { gpuFacts } from "./lib/gpu-notebook.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Checks that the cells follow the guide's order (section 1.2 "Cell Organization": imports,
title, GPU detection, configuration UI, logic, results) in three ways:

- **Late imports**: a regular cell imports a module after a cell that already does work.
  Imports inside functions and guarded optional imports (\`try: import cudf\` with an
  \`except ImportError\` fallback) are not reported.
- **GPU check after GPU use**: a cell uses CUDA (\`torch.cuda.*\`, \`.cuda()\`, a \`"cuda"\` device)
  above the cell that checks \`torch.cuda.is_available()\`. Notebooks with no check at all are
  left to \`gpu-without-detection\` (NVG001).
- **Configuration after its logic**: a UI control (\`mo.ui.*\`) is defined in a cell below a
  cell that reads it.

## Why is this bad?
marimo runs cells in dependency order, so the file order is for the reader, who reads top to
bottom: imports tell what the notebook needs, the GPU check tells whether it can run here,
the controls tell what can be changed, and only then comes the work. A control defined below
the cell that uses it, or an import in the middle of the notebook, sends the reader searching;
CUDA used above the GPU check fails with a CUDA error instead of the check's explanation when
the cells run in file order (\`python notebook.py\`, exported scripts).

## Example
\`\`\`python
@app.cell
def _(epochs, torch):
    model = torch.nn.Linear(8, 1).cuda()
    for _ in range(epochs.value):
        ...


@app.cell
def _(mo):
    import matplotlib.pyplot as plt
    epochs = mo.ui.slider(1, 20, label="Epochs")
    epochs
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _():
    import marimo as mo
    import matplotlib.pyplot as plt
    import torch


@app.cell
def _(mo):
    epochs = mo.ui.slider(1, 20, label="Epochs")
    epochs


@app.cell
def _(epochs, torch):
    model = torch.nn.Linear(8, 1).cuda()
    ...
\`\`\`

## Fix
None: moving cells is safe for marimo but changes the document the author wrote.

## Fix safety
No fix is offered.
`;

const GUARDED_IMPORT: Matcher = {
  rule: {
    any: [{ kind: "import_statement" }, { kind: "import_from_statement" }],
    inside: { kind: "try_statement", stopBy: "end", has: { kind: "except_clause", regex: "^except\\s*(:|\\(?[^:]*\\b(ImportError|ModuleNotFoundError|Exception|BaseException)\\b)" } },
  },
};

/** A markdown display or a docstring: not work. */
const MARKDOWN_OR_STRING = /^(?:[\p{L}_][\p{L}\p{N}_]*\s*\.\s*)?md\s*\(|^[rRuUfF]{0,2}["']/u;
/**
 * Set-up calls that belong with the imports: seeding, warnings filters, display and library
 * options (`np.random.seed(0)`, `torch.manual_seed(0)`, `plt.style.use(...)`, `pd.set_option(...)`).
 */
const SETUP_CALL = /^[\w.]*(?:seed|manual_seed\w*|set_\w+|filterwarnings|simplefilter|style\.use|use_deterministic_algorithms|disable_eager_execution)\s*\(/;
/** `os.environ["X"] = ...` and `sys.path.append(...)`: environment set-up. */
const ENVIRONMENT = /^(?:os\.environ\b|sys\.path\b)/;
/** Right-hand sides that make a UI control. */
const UI_VALUE = /\bui\s*\.\s*[a-z_]+\s*\(|\.\s*(?:batch|form)\s*\(/;

export const cellOrder = defineRule({
  code: "NVD003",
  name: "cell-order",
  section: "1.2",
  severity: "warning",
  fix: "none",
  summary: "Cells out of the guide's order: late imports, GPU check after GPU use, controls after their logic",
  docs,
  check(context) {
    const { notebook } = context;
    checkLateImports(context, notebook);
    checkGpuCheckOrder(context, notebook);
    checkControlOrder(context, notebook);
  },
});

/**
 * The first regular cell that does work (anything but imports, markdown and docstrings), if it
 * comes before the cell at index `before`; undefined otherwise.
 */
function firstWorkingCell(notebook: Notebook, before: number): Cell | undefined {
  for (const cell of notebook.cells) {
    if (cell.index >= before) break;
    if (cell.kind !== "cell") continue;
    for (const statement of cell.statements) {
      const kind = statement.kind();
      if (kind === "import_statement" || kind === "import_from_statement" || kind === "future_import_statement") continue;
      if (kind === "expression_statement") {
        const text = statement.text();
        if (MARKDOWN_OR_STRING.test(text) || SETUP_CALL.test(text) || ENVIRONMENT.test(text)) continue;
      }
      return cell;
    }
  }
  return undefined;
}

/** Module-level, not an arrow function made per notebook (see notebook/shapes.ts). */
function isCellImport(binding: GlobalBinding): boolean {
  return binding.kind === "import" && binding.cell.kind === "cell";
}

function checkLateImports(context: RuleContext, notebook: Notebook): void {
  const imports = cellGlobals(notebook).bindings.filter(isCellImport);
  if (imports.length === 0) return;
  // Only an import in a cell below the first working cell is reported: the cells from the last
  // importing one on need not be examined (each costs native calls to list its statements).
  let lastImportCell = 0;
  for (const binding of imports) lastImportCell = Math.max(lastImportCell, binding.cell.index);
  const working = firstWorkingCell(notebook, lastImportCell);
  if (!working) return;
  const reported = new Set<number>();
  let guarded: Map<number, Set<number>> | undefined;
  for (const binding of imports) {
    if (binding.cell.index <= working.index || reported.has(binding.cell.index)) continue;
    guarded ??= new Map();
    let starts = guarded.get(binding.cell.index);
    if (!starts) {
      const text = notebook.source.slice(binding.cell.start, binding.cell.end);
      starts = /\btry\b/.test(text) && /\bexcept\b/.test(text) ? new Set(binding.cell.node.findAll(GUARDED_IMPORT).map(startOf)) : new Set<number>();
      guarded.set(binding.cell.index, starts);
    }
    if (starts.has(binding.statementStart)) continue;
    reported.add(binding.cell.index);
    const statement = oneLine(notebook.source.slice(binding.statementStart, binding.statementEnd));
    context.report({
      start: binding.statementStart,
      end: binding.statementEnd,
      message: `\`${statement}\` comes after the cell at line ${notebook.lineOf(working.start)}, which already does work: move imports to the first cell (or the setup cell)`,
    });
  }
}

function checkGpuCheckOrder(context: RuleContext, notebook: Notebook): void {
  if (!notebook.source.includes("is_available")) return;
  const facts = gpuFacts(notebook);
  if (!facts || facts.checks.length === 0) return;
  const checkCells = facts.checks.map((check) => context.cellAt(startOf(check)));
  // A check inside an `@app.function` runs wherever it is called: the order is unknown.
  if (checkCells.some((cell) => !cell || (cell.kind !== "cell" && cell.kind !== "setup"))) return;
  const firstCheck = Math.min(...checkCells.map((cell) => cell!.index));
  for (const use of facts.uses) {
    if (use.kind === "rapids") continue; // imports are governed by the import order
    const cell = context.cellAt(startOf(use.node));
    if (!cell || (cell.kind !== "cell" && cell.kind !== "setup") || cell.index >= firstCheck) continue;
    const checkCell = notebook.cells[firstCheck]!;
    context.report({
      node: use.node,
      message: `CUDA is used here (${use.label}) above the GPU check in the cell at line ${notebook.lineOf(checkCell.start)}: put the GPU detection cell before the first cell that uses the GPU`,
    });
    return;
  }
}

function checkControlOrder(context: RuleContext, notebook: Notebook): void {
  if (!notebook.source.includes("ui.") && !notebook.source.includes(".batch(") && !notebook.source.includes(".form(")) return;
  const controls: GlobalBinding[] = [];
  const seen = new Set<string>();
  for (const b of cellGlobals(notebook).bindings) {
    if (b.cell.kind !== "cell" || b.kind !== "variable" || seen.has(b.name)) continue;
    if (!UI_VALUE.test(notebook.source.slice(b.statementStart, b.statementEnd))) continue;
    seen.add(b.name);
    controls.push(b);
  }
  for (const control of controls) {
    // Cheap first: does an earlier cell mention the name at all? Then ask the dataflow.
    const mention = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegex(control.name)}(?![\\p{L}\\p{N}_])`, "u");
    const earlier = notebook.cells.filter((c) => c.kind === "cell" && c.index < control.cell.index && mention.test(notebook.source.slice(c.start, c.end)));
    if (earlier.length === 0) continue;
    const flow = context.dataflow();
    const reader = earlier.find((c) => flow.variables.get(c.index)?.refs.has(control.name));
    if (!reader) continue;
    context.report({
      start: control.start,
      end: control.end,
      message: `The control \`${control.name}\` is defined below the cell at line ${notebook.lineOf(reader.start)} that reads it: move the configuration cell above the logic that uses it`,
    });
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= 60 ? flat : `${flat.slice(0, 57)}...`;
}
