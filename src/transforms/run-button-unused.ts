import { defineRule } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { startOf, type PyNode } from "../notebook/python.js";
import { isPrivateName } from "../notebook/scope.js";
import { marimoNames } from "./lib/marimo-access.js";
import { cellsMatching, matchOffsets } from "./lib/candidate-cells.js";
import { bindingOf, uiElementsIn } from "./lib/ui-elements.js";

const docs = `
## What it does
Finds \`mo.ui.run_button(...)\` elements bound to a name whose \`.value\` no other cell reads (and
that are not handed to a function, which might read it). A button whose \`.value\` is read only in
the cell that creates it is reported too.

## Why is this bad?
A run button does nothing by itself: it sets \`.value\` to \`True\` for the run its click
triggers, and a cell that reads \`.value\` decides what to do with it. The canonical gate is
\`mo.stop(not button.value, ...)\` in the cell that does the expensive work (guide, section 4.3
"Expensive Operations with mo.stop()", checklist "Proper use of \`mo.ui.run_button()\`"). A button
nobody reads is a button the user clicks in vain, while the expensive cell runs on every change
anyway. In the cell that creates it, \`.value\` is always the initial \`False\`; marimo does not
allow reading it there.

## Example
\`\`\`python
@app.cell
def _(mo):
    train_button = mo.ui.run_button(label="🚀 Train")
    train_button
    return (train_button,)


@app.cell
def _(model, train_loader):
    history = train(model, train_loader)
    return (history,)
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(mo, model, train_button, train_loader):
    mo.stop(not train_button.value, mo.md("Click **🚀 Train** to start training"))
    history = train(model, train_loader)
    return (history,)
\`\`\`

## Fix
None: which cell the button should gate is a design decision (NVR003
expensive-cell-without-stop adds buttons together with their gates).

## Fix safety
No fix is offered.
`;

export const runButtonUnused = defineRule({
  code: "NVR005",
  name: "run-button-unused",
  section: "4.3",
  severity: "warning",
  fix: "none",
  summary: "`mo.ui.run_button` whose `.value` no cell reads",
  docs,
  check(context) {
    const { notebook } = context;
    if (!notebook.source.includes("run_button")) return;
    const buttons: Array<{ node: PyNode; name: string; cell: Cell }> = [];
    for (const element of uiElementsIn(notebook, cellsMatching(notebook, /run_button\s*\(/))) {
      if (element.kind !== "run_button") continue;
      const cell = context.cellAt(startOf(element.top));
      if (!cell || (cell.kind !== "cell" && cell.kind !== "setup")) continue;
      const binding = bindingOf(element, notebook);
      if (binding.kind === "name") buttons.push({ node: element.top, name: binding.name, cell });
    }
    if (buttons.length === 0) return;
    // A `.value` read outside the creating cell, found in the text: the button is used.
    const source = notebook.source;
    const inCode = (offset: number) => {
      const before = source.slice(source.lastIndexOf("\n", offset) + 1, offset);
      return !before.includes("#") && (before.match(/["']/g)?.length ?? 0) % 2 === 0;
    };
    const readInText = (b: { name: string; cell: Cell }) =>
      matchOffsets(source, new RegExp(`(?<![\\w.])${b.name}\\s*\\.\\s*value\\b`, "u")).some(
        (o) => (b.cell.kind === "setup" || o < b.cell.start || o >= b.cell.end) && inCode(o),
      );
    const unread = buttons.filter((b) => !readInText(b) || isPrivateName(b.name));
    if (unread.length === 0) return;
    const uses = usesOf(notebook, unread.map((b) => b.name));
    for (const button of unread) {
      const inOwnCell = (n: PyNode) => button.cell.start <= startOf(n) && startOf(n) < button.cell.end;
      const readers = (uses.get(button.name) ?? []).filter((n) => button.cell.kind === "setup" || !inOwnCell(n));
      if (readers.length > 0) continue;
      const ownReads = (uses.get(button.name) ?? []).filter(inOwnCell);
      const gate = `\`mo.stop(not ${button.name}.value, ...)\``;
      if (isPrivateName(button.name)) {
        context.report({
          node: button.node,
          message: `The run button is bound to \`${button.name}\`, a private name no other cell can read, so clicking it does nothing: bind it to a public name and gate the expensive cell with \`mo.stop(not <name>.value, ...)\``,
        });
        continue;
      }
      context.report({
        node: button.node,
        message:
          ownReads.length > 0
            ? `\`${button.name}.value\` is read only in the cell that creates the run button, where it is always \`False\`: read it in the cell the button should gate, with ${gate}`
            : `The run button \`${button.name}\` is never read: clicking it does nothing; gate the expensive cell with ${gate}`,
      });
    }
  },
});

/**
 * Reads of `<name>.value` for each name, and the places a name is handed to a function that is
 * not part of marimo (which may read `.value` itself).
 */
function usesOf(notebook: Notebook, buttonNames: readonly string[]): Map<string, PyNode[]> {
  const pattern = `^(${[...new Set(buttonNames)].join("|")})$`;
  const found = notebook.root.root().findAll({
    rule: {
      kind: "identifier",
      regex: pattern,
      any: [
        { inside: { kind: "attribute", field: "object", has: { field: "attribute", regex: "^value$" } } },
        { inside: { kind: "argument_list" } },
        { inside: { kind: "keyword_argument", field: "value" } },
      ],
    },
  });
  const names = marimoNames(notebook);
  const result = new Map<string, PyNode[]>();
  for (const node of found) {
    const parent = node.parent();
    if (parent?.kind() !== "attribute") {
      // An argument: of a marimo call (`mo.hstack([button])` only displays it), or of anything else.
      const argumentList = parent?.kind() === "keyword_argument" ? parent.parent() : parent;
      const callee = argumentList?.parent()?.field("function")?.text().replace(/\s+/g, "") ?? "";
      const root = callee.split(".")[0] ?? "";
      if (names.modules.has(root) || [...names.attributes.values()].includes(root) || callee === "" || callee === "print") continue;
    }
    const list = result.get(node.text());
    if (list) list.push(node);
    else result.set(node.text(), [node]);
  }
  return result;
}
