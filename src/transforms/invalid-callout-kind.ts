import { replaceRange } from "../engine/edits.js";
import { defineRule, type RuleContext } from "../engine/types.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { cellsMatching, findAllInCells } from "./lib/candidate-cells.js";
import { isMarimoFunction, marimoNames, type MarimoNames } from "./lib/marimo-access.js";

const docs = `
## What it does
Finds \`mo.callout(..., kind=...)\` and \`Html.callout(kind=...)\` calls (\`mo.md("...").callout(...)\`,
any alias of marimo, \`from marimo import callout\`, \`kind\` given by keyword or by position)
whose kind is a string literal other than \`"neutral"\`, \`"warn"\`, \`"success"\`, \`"info"\` and
\`"danger"\`. Both branches of a conditional (\`"success" if ok else "error"\`) are checked.

## Why is this bad?
marimo accepts exactly five callout kinds; since 0.23.16 any other value raises
\`ValueError: Unsupported callout kind\` and the cell shows a traceback instead of the message.
Many public example notebooks still use \`kind="alert"\`, \`"warning"\` or \`"error"\`, names taken
from other tools (guide, section 8.2 "Informative Feedback": \`info\`, \`warn\`, \`danger\`,
\`success\`).

## Example
\`\`\`python
mo.md("⚠️ No GPU found: running on the CPU").callout(kind="warning")
mo.callout(mo.md("❌ **Out of memory**"), kind="error")
\`\`\`

Use instead:
\`\`\`python
mo.md("⚠️ No GPU found: running on the CPU").callout(kind="warn")
mo.callout(mo.md("❌ **Out of memory**"), kind="danger")
\`\`\`

## Fix
Replaces the kind inside its quotes: \`alert\`, \`error\`, \`critical\` and \`failure\` become
\`danger\`; \`warning\` and \`caution\` become \`warn\`; \`note\`, \`tip\` and \`hint\` become \`info\`;
\`ok\` becomes \`success\`; a valid kind in the wrong case (\`"Info"\`) is lower-cased. Other values
(\`"primary"\`) are reported without a fix: pick one of the five kinds by hand.

## Fix safety
Safe: the call raised \`ValueError\` before; with the mapped kind it renders the callout.
`;

const VALID = new Set(["neutral", "warn", "success", "info", "danger"]);
const MAPPED: Record<string, string> = {
  alert: "danger",
  error: "danger",
  critical: "danger",
  failure: "danger",
  fail: "danger",
  warning: "warn",
  caution: "warn",
  note: "info",
  tip: "info",
  hint: "info",
  ok: "success",
};

const CALLOUT_CALL: Matcher = {
  rule: {
    kind: "call",
    has: {
      field: "function",
      any: [
        { kind: "attribute", has: { field: "attribute", regex: "^callout$" } },
        { kind: "identifier", regex: "^callout$" },
      ],
    },
  },
};

export const invalidCalloutKind = defineRule({
  code: "NVE006",
  name: "invalid-callout-kind",
  section: "8.2",
  severity: "error",
  fix: "safe",
  summary: "Callout `kind=` outside neutral/warn/success/info/danger (marimo raises ValueError)",
  docs,
  check(context) {
    const { notebook } = context;
    if (!notebook.source.includes("callout")) return;
    const calls = findAllInCells(cellsMatching(notebook, /callout\s*\(/), CALLOUT_CALL);
    if (calls.length === 0) return;
    const names = marimoNames(notebook);
    for (const call of calls) {
      const kind = kindArgument(call, names);
      if (kind) for (const literal of stringLiterals(kind)) checkLiteral(context, literal);
    }
  },
});

/** The expression given as `kind`, by keyword or by position. */
function kindArgument(call: PyNode, names: MarimoNames): PyNode | undefined {
  const callee = call.field("function");
  const args = call.field("arguments");
  if (!callee || !args || args.kind() !== "argument_list") return undefined;
  const compact = callee.text().replace(/\s+/g, "");
  let position: number;
  if (callee.kind() === "identifier") {
    if (!isMarimoFunction(names, compact, "callout")) return undefined;
    position = 1;
  } else {
    // `mo.callout(value, kind)` is the function; anything else is the `Html.callout(kind)` method.
    position = isMarimoFunction(names, compact, "callout") ? 1 : 0;
  }
  const items = args.namedChildren().filter((a) => a.kind() !== "comment");
  for (const item of items) {
    if (item.kind() === "keyword_argument" && item.field("name")?.text() === "kind") return item.field("value") ?? undefined;
  }
  const positional = items.filter((a) => a.kind() !== "keyword_argument");
  if (positional.slice(0, position + 1).some((a) => a.kind() === "list_splat" || a.kind() === "dictionary_splat")) return undefined;
  return positional[position];
}

/** String literals a kind expression can evaluate to (through parentheses and `x if c else y`). */
function stringLiterals(node: PyNode): PyNode[] {
  const kind = node.kind();
  if (kind === "string") return [node];
  if (kind === "parenthesized_expression") return node.namedChildren().flatMap(stringLiterals);
  if (kind === "conditional_expression") {
    const parts = node.namedChildren().filter((c) => c.kind() !== "comment");
    return [parts[0], parts[2]].filter((p): p is PyNode => p !== undefined).flatMap(stringLiterals);
  }
  return [];
}

function checkLiteral(context: RuleContext, literal: PyNode): void {
  const children = literal.children();
  const open = children[0];
  const close = children.at(-1);
  if (!open || !close || open.kind() !== "string_start" || close.kind() !== "string_end") return;
  if (/[bBfFtT]/.test(open.text())) return;
  if (children.some((c) => c.kind() === "interpolation" || c.kind() === "escape_sequence")) return;
  const value = context.notebook.source.slice(endOf(open), startOf(close));
  if (VALID.has(value)) return;
  const normalized = value.trim().toLowerCase();
  const replacement = VALID.has(normalized) ? normalized : MAPPED[normalized];
  const problem = `\`kind=${literal.text()}\` is not a callout kind: marimo accepts only "neutral", "warn", "success", "info" and "danger", and raises ValueError otherwise`;
  if (!replacement) {
    context.report({ node: literal, message: `${problem}; pick one of them` });
    return;
  }
  context.report({
    node: literal,
    message: `${problem}; use \`kind="${replacement}"\``,
    fix: { description: `Replace callout kind "${value}" with "${replacement}"`, edits: [replaceRange(endOf(open), startOf(close), replacement)] },
  });
}
