import { defineRule } from "../engine/types.js";
import { startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { cellsMatching, findAllInCells } from "./lib/candidate-cells.js";
import { isMarimoFunction, marimoNames } from "./lib/marimo-access.js";

const docs = `
## What it does
Finds \`mo.stop(...)\` calls (any alias of marimo, or \`from marimo import stop\`) inside the body of
a \`try\` whose handlers include a bare \`except:\`, \`except BaseException\` (alone or in a tuple,
\`except*\` too), or inside \`with contextlib.suppress(BaseException):\`. A handler that re-raises
with a bare \`raise\`, or that names \`MarimoStopError\` on purpose, is not reported.

## Why is this bad?
\`mo.stop\` ends a cell by raising \`MarimoStopError\`, which derives from \`BaseException\` so that
ordinary \`except Exception:\` handlers let it through. A bare \`except:\` catches it anyway: the
cell does not stop, the message passed to \`mo.stop\` is never shown, and the code after the
\`try\` runs with the inputs \`mo.stop\` was meant to reject (guide, sections 4.3 and 6.1).

## Example
\`\`\`python
try:
    mo.stop(not torch.cuda.is_available(), mo.md("⚠️ No GPU").callout(kind="warn"))
    model = model.cuda()
except:
    print("could not move the model")
\`\`\`

Use instead:
\`\`\`python
mo.stop(not torch.cuda.is_available(), mo.md("⚠️ No GPU").callout(kind="warn"))
try:
    model = model.cuda()
except Exception as e:
    print(f"could not move the model: {e}")
\`\`\`

## Fix
None: narrowing the handler to \`Exception\` or moving \`mo.stop\` out of the \`try\` both change
which errors the cell survives, so the choice is left to the author.

## Fix safety
No fix is offered.
`;

const STOP_CALL: Matcher = {
  rule: {
    kind: "call",
    has: {
      field: "function",
      any: [
        { kind: "attribute", has: { field: "attribute", regex: "^stop$" } },
        { kind: "identifier", regex: "^stop$" },
      ],
    },
  },
};

const SUPPRESS_BASE = /\bsuppress\s*\([^)]*\bBaseException\b/;

export const swallowedStop = defineRule({
  code: "NVE002",
  name: "swallowed-stop",
  section: "6.1",
  severity: "warning",
  fix: "none",
  summary: "`mo.stop` inside a `try` whose bare `except:` / `except BaseException` swallows it",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!source.includes("stop") || !(source.includes("except") || source.includes("suppress"))) return;
    const names = marimoNames(notebook);
    const cells = cellsMatching(notebook, /\bstop\s*\(/).filter((c) => /\bexcept\b|suppress/.test(source.slice(c.start, c.end)));
    for (const call of findAllInCells(cells, STOP_CALL)) {
      const callee = call.field("function")?.text().replace(/\s+/g, "") ?? "";
      if (!isMarimoFunction(names, callee, "stop")) continue;
      const swallower = swallowingHandler(call);
      if (!swallower) continue;
      const line = notebook.lineOf(startOf(swallower.node));
      const remedy = swallower.suppress
        ? `suppress only the errors you expect, or move \`${callee}\` out of the \`with\` block`
        : `catch \`Exception\` (or the specific error) instead, or move \`${callee}\` out of the \`try\``;
      context.report({
        node: call,
        message: `\`${callee}(...)\` raises \`MarimoStopError\`, a \`BaseException\`, and ${swallower.what} on line ${line} catches it, so the cell keeps running; ${remedy}`,
      });
    }
  },
});

interface Swallower {
  readonly node: PyNode;
  readonly what: string;
  readonly suppress: boolean;
}

/** The handler (or `suppress`) that would catch a `mo.stop` raised at `call`, if any. */
function swallowingHandler(call: PyNode): Swallower | undefined {
  let child = call;
  for (const ancestor of call.ancestors()) {
    const kind = ancestor.kind();
    if (kind === "function_definition" || kind === "lambda" || kind === "class_definition") return undefined;
    if (kind === "try_statement") {
      const body = ancestor.field("body");
      if (body && startOf(body) === startOf(child) && child.kind() === "block") {
        for (const clause of ancestor.children()) {
          const what = catchesStop(clause);
          if (what) return { node: clause, what, suppress: false };
        }
      }
    } else if (kind === "with_statement") {
      const clause = ancestor.children().find((c) => c.kind() === "with_clause");
      if (clause && SUPPRESS_BASE.test(clause.text())) return { node: ancestor, what: "`suppress(BaseException)`", suppress: true };
    }
    child = ancestor;
  }
  return undefined;
}

/** Whether an `except` clause catches `MarimoStopError` and does not re-raise it. */
function catchesStop(clause: PyNode): string | undefined {
  const kind = clause.kind();
  if (kind !== "except_clause" && kind !== "except_group_clause") return undefined;
  const parts = clause.namedChildren().filter((c) => c.kind() !== "comment");
  const block = parts.find((c) => c.kind() === "block");
  const typeNode = parts.find((c) => c !== block);
  const types = typeNode ? (typeNode.kind() === "as_pattern" ? typeNode.namedChildren()[0]?.text() ?? "" : typeNode.text()) : "";
  if (/\bMarimoStopError\b/.test(types)) return undefined;
  let what: string | undefined;
  if (!typeNode) what = "the bare `except:`";
  else if (/(^|[\s(,.])BaseException\b/.test(types)) what = `\`except ${types.replace(/\s+/g, " ")}\``;
  if (!what) return undefined;
  if (block?.findAll({ rule: { kind: "raise_statement", regex: "^raise$" } }).some((r) => !insideNestedFunction(r, block))) return undefined;
  return what;
}

function insideNestedFunction(node: PyNode, stop: PyNode): boolean {
  for (const ancestor of node.ancestors()) {
    if (startOf(ancestor) === startOf(stop)) return false;
    if (ancestor.kind() === "function_definition" || ancestor.kind() === "lambda") return true;
  }
  return false;
}
