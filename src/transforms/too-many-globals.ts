import { integerOption } from "../engine/options.js";
import { defineRule } from "../engine/types.js";
import { cellGlobals, type GlobalBinding } from "./lib/cell-globals.js";
import { byStart } from "./lib/predicates.js";

const MAX_GLOBALS = integerOption({
  name: "maxGlobals",
  description: "The most public global variables a notebook may define (also set by the top-level `max-globals`).",
  minimum: 0,
  defaultValue: 10,
});

const docs = `
## What it does
Counts the public global variables of the notebook and reports when there are more than the
limit (default 10, as in the guide's checklist: "Minimal global variables (< 10 per
notebook)").

What counts: the distinct public names (not starting with \`_\`) that regular cells bind at
their top level by assignment (tuple targets, annotated names, augmented assignment), as a
\`for\` or \`with ... as\` target, or with the walrus operator. What does not count: names bound
only by an \`import\` (modules are not state) or by \`def\`/\`class\` (encapsulating logic in
functions is what the guide asks for), everything in the setup cell (\`with app.setup:\`),
\`@app.function\` and \`@app.class_definition\` names, and private \`_names\`. UI elements count:
they are state too, though they must stay global.

The limit is the \`max-globals\` setting (\`max-globals = 15\` under \`[tool.nvmarimo-fix]\` in
\`pyproject.toml\`), which sets this rule's \`maxGlobals\` option.

## Why is this bad?
Every public name is an edge in marimo's dataflow graph and a name no other cell may reuse.
Intermediate results left global (\`intermediate_step_1\`, \`result_temp\`, loop variables) keep
their memory (GPU tensors included) alive for the whole session, clutter the variable
explorer, and make the next \`x = ...\` in another cell a multiple-definition error (guide,
section 2.1 "Minimal Global Variables" and pitfall 3).

## Example
\`\`\`python
@app.cell
def _(data, model):
    intermediate_step_1 = data.transform()
    intermediate_step_2 = intermediate_step_1.normalize()
    result_temp = model(intermediate_step_2)
    result_final = result_temp.mean()
    return (result_final,)
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(data, model):
    _intermediate = data.transform().normalize()
    final_output = model(_intermediate).mean()
    return (final_output,)
\`\`\`

## Fix
None: which names other cells need is a design decision. \`unused-global\` (NVO002) renames
the globals that no other cell reads.

## Fix safety
No fix is offered.
`;

// Module-level, not arrow functions made per notebook (see notebook/shapes.ts).
/** Cells by number of globals, most first, then in order. */
function mostFirst(a: [number, number], b: [number, number]): number {
  return b[1] - a[1] || a[0] - b[0];
}
function quotedName(binding: GlobalBinding): string {
  return `\`${binding.name}\``;
}

export const tooManyGlobals = defineRule({
  code: "NVO001",
  name: "too-many-globals",
  section: "2.1",
  severity: "warning",
  fix: "none",
  summary: "More public global variables than the configured limit (default 10)",
  docs,
  options: [MAX_GLOBALS],
  check(context) {
    const { notebook } = context;
    const limit = MAX_GLOBALS.read(context.options.maxGlobals);
    // Counted names, each with its first binding by assignment-like forms in a regular cell.
    const counted = new Map<string, GlobalBinding>();
    const byCell = new Map<number, number>();
    for (const binding of cellGlobals(notebook).bindings) {
      if (binding.cell.kind !== "cell" || binding.kind !== "variable" || counted.has(binding.name)) continue;
      counted.set(binding.name, binding);
      byCell.set(binding.cell.index, (byCell.get(binding.cell.index) ?? 0) + 1);
    }
    if (counted.size <= limit) return;
    const ordered = [...counted.values()].sort(byStart);
    const first = ordered[limit]!;
    const [busiest, busiestCount] = [...byCell].sort(mostFirst)[0]!;
    const busiestCell = notebook.cells[busiest]!;
    const names = ordered.map(quotedName);
    const shown = names.length > 12 ? `${names.slice(0, 12).join(", ")} and ${names.length - 12} more` : names.join(", ");
    context.report({
      start: first.start,
      end: first.end,
      message:
        `The notebook defines ${counted.size} public global variables (limit ${limit}): ${shown}. ` +
        `Prefix intermediates that only one cell uses with \`_\` or move them into functions` +
        (busiestCount > 1 ? `; ${busiestCount} of them come from the cell at line ${notebook.lineOf(busiestCell.start)}` : ""),
    });
  },
});
