import { replaceRange } from "../engine/edits.js";
import { defineRule, type Fix, type RuleContext, type TextEdit } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { endOf, startOf, type PyNode } from "../notebook/python.js";
import { isPrivateName } from "../notebook/scope.js";
import { indentationAt, lineEndOf, lineStartOf } from "../notebook/text.js";
import { isMarimoFunction, marimoNames } from "./lib/marimo-access.js";
import { cellsAt, matchOffsets } from "./lib/candidate-cells.js";
import { bindingOf, createdAtCellLevel, elementNameBase, INPUT_KINDS, uiElementsIn, usableName, type UiElement } from "./lib/ui-elements.js";

const docs = `
## What it does
Finds marimo input elements (\`mo.ui.slider\`, \`number\`, \`text\`, \`dropdown\`, \`checkbox\`,
\`run_button\`, \`refresh\`, \`form\`, \`array\`, \`dictionary\`, ...) created in a cell that no other
cell can read: bound to a private \`_name\`, created inline in a layout (\`mo.vstack([...])\`,
\`mo.hstack\`, \`mo.sidebar\`, an f-string), displayed as a bare expression, or kept in a plain list
or dict. Elements inside \`mo.ui.array\`, \`mo.ui.dictionary\`, \`.batch()\` and \`.form()\` are
tracked through their container; elements made by functions are bound by their callers;
display-only elements (\`mo.ui.table\`, \`mo.ui.altair_chart\`, \`mo.ui.tabs\`, ...) and elements
created with \`disabled=True\` are not reported.

## Why is this bad?
marimo re-runs the cells that read an element's \`.value\` when the user interacts with it, and
it only knows an element through the global name it is bound to. An element without a public
name shows up and can be moved, but nothing reads its value: the interaction does nothing
(guide, section 4.2 "UI Element Returns": all UI elements must be returned from their cell and
their \`.value\` read in dependent cells).

## Example
\`\`\`python
@app.cell
def _(mo):
    mo.vstack([
        mo.md("## Sampling"),
        mo.ui.slider(1, 50, value=8, label="Steps"),
    ])
    return
\`\`\`

Use instead:
\`\`\`python
@app.cell
def _(mo):
    steps = mo.ui.slider(1, 50, value=8, label="Steps")
    mo.vstack([
        mo.md("## Sampling"),
        steps,
    ])
    return (steps,)


@app.cell
def _(steps):
    num_inference_steps = steps.value
    return
\`\`\`

## Fix
Binds the element to a public name when that is unambiguous:
- \`_lr = mo.ui.number(...)\` at the top level of a cell, assigned once: \`_lr\` is renamed to
  \`lr\` everywhere in the cell; a private name that only repeats the kind (\`_slider\`, \`_btn\`)
  gives way to a name from the label (\`_slider = mo.ui.slider(..., label="Temperature")\` becomes
  \`temperature\`);
- an element written directly in the items of \`mo.vstack([...])\` / \`mo.hstack([...])\` (nested
  ones too) in a top-level statement of the cell: it is assigned to a new name on the line before
  the statement (a multi-line call keeps its layout, one level out), and the name takes its place
  in the layout;
- an element displayed as the cell's last expression: it is assigned to a name, and the name is
  displayed.

New names come from the element's label (\`label="🎛️ Learning rate"\` gives \`learning_rate\`, at
most four words, accents dropped; buttons end in \`_button\`; a label that already spells the name
gets the kind appended: \`label="steps"\` gives \`steps_slider\`), else from its kind
(\`slider\`), with \`_2\`, \`_3\`, ... when the name is taken. The fix never adds a read of \`.value\`.
Reported without a fix: an element created in a comprehension, in an f-string, in a layout
other than \`vstack\`/\`hstack\` (\`mo.sidebar\`, \`mo.accordion\`), in a conditional layout
(\`mo.hstack([...] if wide else [...])\`), inside a block, assigned twice, or in a cell that
reads its \`.value\` (which marimo forbids in the creating cell: move that read to another cell
first).

## Fix safety
Unsafe: the cell gains a public definition, so the element becomes visible to the rest of the
notebook (other cells can now read it, and the name can no longer be defined elsewhere), and
hoisting an element out of a layout evaluates it before the layout's other items.
`;

const LAYOUTS = ["vstack", "hstack"];
/** `disabled=True`: a read-only element, shown for display. */
const DISABLED = /\bdisabled\s*=\s*True\b/;

export const uiElementNotGlobal = defineRule({
  code: "NVR002",
  name: "ui-element-not-global",
  section: "4.2",
  severity: "warning",
  fix: "unsafe",
  summary: "`mo.ui` element bound to a private `_name` or created inline in a layout, so interactions do nothing",
  docs,
  check(context) {
    const { notebook } = context;
    const cells = cellsAt(notebook, unboundLooking(notebook.source));
    if (cells.length === 0) return;
    const elements = uiElementsIn(notebook, cells);
    if (elements.length === 0) return;
    const inlineByStatement = new Map<number, { statement: PyNode; items: UiElement[] }>();
    for (const element of elements) {
      if (!INPUT_KINDS.has(element.kind) || DISABLED.test(element.call.field("arguments")?.text() ?? "")) continue;
      const cell = context.cellAt(startOf(element.top));
      if (!cell || cell.kind !== "cell" || !createdAtCellLevel(element, cell)) continue;
      const binding = bindingOf(element, notebook);
      const label = describe(element);
      if (binding.kind === "name") {
        if (isPrivateName(binding.name)) reportPrivate(context, cell, element, binding.name, binding.binder);
      } else if (binding.kind === "inline") {
        const simple = inlineProblem(notebook, cell, element, binding.call, binding.callee, binding.path);
        if (typeof simple === "string") {
          context.report({ node: element.top, message: `${inlineMessage(label, binding.callee)} (not fixed: ${simple})` });
          continue;
        }
        const group = inlineByStatement.get(startOf(simple));
        if (group) group.items.push(element);
        else inlineByStatement.set(startOf(simple), { statement: simple, items: [element] });
      } else if (binding.kind === "statement") {
        reportStatement(context, cell, element, binding.statement);
      } else if (binding.kind === "other") {
        context.report({
          node: element.top,
          message: `${label} is not bound to a global name (${binding.reason}), so interacting with it re-runs nothing: bind it to a public name, or group several elements in \`mo.ui.array\` / \`mo.ui.dictionary\`, and read \`.value\` in another cell`,
        });
      }
    }
    for (const group of inlineByStatement.values()) reportInline(context, group.statement, group.items);
  },
});

const UI_TEXT = /\bui\s*\.\s*[a-z_]+\s*\(/;
/** `name = mo.ui.` / `name: T = ui.` at the start of a line: a public binding, never reported. */
const PUBLIC_BINDING = /^[ \t]*[A-Za-z]\w*[ \t]*(?::[^=\n]*)?=[ \t]*(?:[A-Za-z_]\w*[ \t]*\.[ \t]*)?$/;

/** Offsets of `ui.<kind>(` that are not the right-hand side of a public assignment. */
function unboundLooking(source: string): number[] {
  if (!source.includes("ui")) return [];
  return matchOffsets(source, UI_TEXT).filter((offset) => !PUBLIC_BINDING.test(source.slice(source.lastIndexOf("\n", offset) + 1, offset)));
}

function describe(element: UiElement): string {
  return element.kind === "form" ? `\`${element.callee}(...).form()\`` : `\`${element.callee}(...)\``;
}

function inlineMessage(label: string, layout: string): string {
  return `${label} is created inline in \`${layout}(...)\` and not bound to a global name, so interacting with it re-runs nothing: assign it to a public name, use the name in the layout, and read \`.value\` in another cell`;
}

/** Identifiers naming a variable: not keyword-argument names, not attribute fields. */
function nameUses(cell: Cell, name: string): PyNode[] {
  return (cell.body?.findAll({
    rule: {
      kind: "identifier",
      regex: `^${name}$`,
      not: { any: [{ inside: { kind: "keyword_argument", field: "name" } }, { inside: { kind: "attribute", field: "attribute" } }] },
    },
  }) ?? []);
}

const BINDING_PARENTS = new Set([
  "assignment", "augmented_assignment", "for_statement", "for_in_clause", "pattern_list", "tuple_pattern", "list_pattern",
  "as_pattern_target", "named_expression", "parameters", "default_parameter", "typed_parameter", "typed_default_parameter",
  "lambda_parameters", "function_definition", "class_definition", "global_statement", "nonlocal_statement", "keyword_pattern",
]);

/** Whether an identifier occurrence binds the name (rather than reading it). */
function isBinding(node: PyNode): boolean {
  const parent = node.parent();
  if (!parent) return false;
  const kind = String(parent.kind());
  if (!BINDING_PARENTS.has(kind)) return false;
  if (kind === "assignment" || kind === "augmented_assignment") return startOf(parent.field("left") ?? parent) === startOf(node) && parent.field("left")?.kind() === "identifier";
  if (kind === "for_statement" || kind === "for_in_clause") return startOf(parent.field("left") ?? parent) === startOf(node);
  if (kind === "named_expression") return startOf(parent.field("name") ?? parent) === startOf(node);
  if (kind === "default_parameter" || kind === "typed_default_parameter") return startOf(parent.field("name") ?? parent) === startOf(node);
  if (kind === "function_definition" || kind === "class_definition") return startOf(parent.field("name") ?? parent) === startOf(node);
  return true;
}

function readsValue(notebook: Notebook, cell: Cell, name: string): boolean {
  return new RegExp(`(?<![\\w.])${name}\\s*\\.\\s*value\\b`, "u").test(notebook.source.slice(cell.start, cell.end));
}

function reportPrivate(context: RuleContext, cell: Cell, element: UiElement, name: string, binder: PyNode): void {
  const { notebook } = context;
  const message = `${describe(element)} is bound to \`${name}\`, a private name no other cell can read, so interacting with it re-runs nothing: bind it to a public name and read \`.value\` in another cell`;
  const uses = nameUses(cell, name);
  const topLevel = cell.statements.some((s) => s.kind() === "expression_statement" && startOf(s) === startOf(binder));
  let problem: string | undefined;
  if (!topLevel) problem = "it is bound inside a block or an expression";
  else if (uses.filter(isBinding).length !== 1) problem = `\`${name}\` is assigned more than once in the cell`;
  else if (readsValue(notebook, cell, name)) problem = `the cell reads \`${name}.value\`, which marimo forbids in the creating cell; move that read to another cell first`;
  if (problem) {
    context.report({ node: element.top, message: `${message} (not fixed: ${problem})` });
    return;
  }
  const stripped = name.replace(/^_+/, "");
  // `_lr` → `lr`; a name that only repeats the kind (`_slider`, `_btn`) gives way to the label.
  const generic = stripped === element.kind || /^(btn|button|el|elem|element|ui|widget|w|x|s|b|n|t)$/.test(stripped);
  const base = stripped.length >= 2 && usableName(stripped) && !generic ? stripped : elementNameBase(element);
  const fresh = context.freshName(base);
  const edits: TextEdit[] = uses.map((n) => replaceRange(startOf(n), endOf(n), fresh));
  context.report({
    node: element.top,
    message,
    fix: { description: `Rename \`${name}\` to \`${fresh}\` so that other cells can read it`, edits },
  });
}

function reportStatement(context: RuleContext, cell: Cell, element: UiElement, statement: PyNode): void {
  const { notebook } = context;
  const source = notebook.source;
  const message = `${describe(element)} is displayed but not bound to a name, so interacting with it re-runs nothing: assign it to a public name, display the name, and read \`.value\` in another cell`;
  const last = cell.statements.at(-1);
  const ownLine = source.slice(lineStartOf(source, startOf(statement)), startOf(statement)).trim() === "" && /^\s*(#.*)?$/.test(source.slice(endOf(statement), lineEndOf(source, endOf(statement))));
  if (!last || startOf(last) !== startOf(statement) || !ownLine) {
    const why = !ownLine ? "the statement shares its line with other code" : "it is not the cell's last expression, so it is not even displayed";
    context.report({ node: element.top, message: `${message} (not fixed: ${why})` });
    return;
  }
  const name = context.freshName(elementNameBase(element));
  const indent = indentationAt(source, startOf(statement));
  const text = source.slice(startOf(statement), endOf(statement));
  context.report({
    node: element.top,
    message,
    fix: { description: `Assign the element to \`${name}\` and display \`${name}\``, edits: [replaceRange(startOf(statement), endOf(statement), `${name} = ${text}\n${indent}${name}`)] },
  });
}

const SIMPLE_PATH = new Set(["list", "tuple", "argument_list", "parenthesized_expression"]);

/**
 * For an element inline in a layout: the top-level statement before which it can be assigned,
 * or why it cannot. Only items of `mo.vstack([...])`/`mo.hstack([...])` in a top-level statement
 * whose way down to the element holds no comprehension, lambda, conditional or short-circuit.
 */
function inlineProblem(notebook: Notebook, cell: Cell, element: UiElement, call: PyNode, callee: string, path: readonly PyNode[]): PyNode | string {
  const names = marimoNames(notebook);
  if (!LAYOUTS.some((l) => isMarimoFunction(names, callee, l))) return `assign it to a name by hand; only items of \`mo.vstack\` and \`mo.hstack\` are rewritten`;
  if (!path.every((p) => SIMPLE_PATH.has(String(p.kind())))) return "it is not a plain item of the layout's list";
  if (/:=|\bawait\b|\byield\b/.test(element.top.text())) return "it contains a walrus, `await` or `yield`";
  const statement = cell.statements.find((s) => startOf(s) <= startOf(call) && endOf(call) <= endOf(s));
  if (!statement) return "the layout is not in a top-level statement of the cell";
  if (statement.kind() !== "expression_statement") return "the layout is inside a block";
  let node: PyNode | null = call.parent();
  while (node && startOf(node) >= startOf(statement) && !(startOf(node) === startOf(statement) && endOf(node) === endOf(statement))) {
    const kind = String(node.kind());
    if (kind === "conditional_expression" || kind === "boolean_operator" || kind === "lambda" || kind.endsWith("comprehension") || kind === "generator_expression") {
      return "the layout is built conditionally or in a comprehension";
    }
    node = node.parent();
  }
  if (/:=/.test(statement.text())) return "the statement contains a walrus";
  const source = notebook.source;
  if (source.slice(lineStartOf(source, startOf(statement)), startOf(statement)).trim() !== "") return "the statement shares its line with other code";
  return statement;
}

function reportInline(context: RuleContext, statement: PyNode, items: readonly UiElement[]): void {
  const { notebook } = context;
  const source = notebook.source;
  const indent = indentationAt(source, startOf(statement));
  const sorted = [...items].sort((a, b) => startOf(a.top) - startOf(b.top));
  const assignments: string[] = [];
  const edits: TextEdit[] = [];
  const bound: string[] = [];
  for (const element of sorted) {
    const name = context.freshName(elementNameBase(element));
    bound.push(name);
    assignments.push(`${indent}${name} = ${hoisted(notebook, element.top, indent)}`);
    edits.push(replaceRange(startOf(element.top), endOf(element.top), name));
  }
  const at = lineStartOf(source, startOf(statement));
  edits.unshift(replaceRange(at, at, `${assignments.join("\n")}\n`));
  const fix: Fix = {
    description:
      bound.length === 1
        ? `Assign the element to \`${bound[0]}\` before the layout and use the name in it`
        : `Assign the elements to ${bound.map((b) => `\`${b}\``).join(", ")} before the layout and use the names in it`,
    edits,
  };
  for (const element of sorted) {
    const callee = bindingOf(element, notebook);
    const layout = callee.kind === "inline" ? callee.callee : "mo.vstack";
    context.report({ node: element.top, message: inlineMessage(describe(element), layout), fix });
  }
}

/**
 * The element's text, moved to a statement at `indent`: its continuation lines lose the extra
 * indentation they had as a layout item (lines inside multi-line strings stay as they are).
 */
function hoisted(notebook: Notebook, node: PyNode, indent: string): string {
  const source = notebook.source;
  const text = source.slice(startOf(node), endOf(node)).replace(/\r\n/g, "\n");
  const lines = text.split("\n");
  if (lines.length === 1) return text;
  const itemIndent = indentationAt(source, startOf(node));
  const hasMultilineString = node.findAll({ rule: { kind: "string" } }).some((s) => s.text().includes("\n"));
  if (hasMultilineString || itemIndent.length <= indent.length || !itemIndent.startsWith(indent)) return text;
  const rest = lines.slice(1);
  if (!rest.every((l) => l.trim() === "" || l.startsWith(itemIndent))) return text;
  return [lines[0], ...rest.map((l) => (l.trim() === "" ? "" : indent + l.slice(itemIndent.length)))].join("\n");
}
