import { replaceRange } from "../engine/edits.js";
import { defineRule, type RuleContext } from "../engine/types.js";
import type { Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import type { Rule } from "@ast-grep/napi";
import { cellsMatching, findAllInCells } from "./lib/candidate-cells.js";
import { isMarimoFunction, marimoNames, type MarimoNames } from "./lib/marimo-access.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds \`mo.callout(..., kind=...)\` and \`Html.callout(kind=...)\` calls (\`mo.md("...").callout(...)\`,
any alias of marimo, \`from marimo import callout\`, \`kind\` given by keyword or by position)
whose kind is a string literal other than \`"neutral"\`, \`"warn"\`, \`"success"\`, \`"info"\` and
\`"danger"\`. Both branches of a conditional (\`"success" if ok else "error"\`) are checked.

A \`.callout(...)\` method is taken for marimo's when its object is built by marimo
(\`mo.md(...)\`, \`mo.vstack(...).center()\`) or is a name the notebook assigns only such values
(\`note = mo.md(...)\`). On any other object (a parameter, \`cards[0]\`, a value some function
returns) it may be another library's method: it is reported, without a fix.

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
Safe: the call raised \`ValueError\` before; with the mapped kind it renders the callout. Calls
on objects not known to be marimo's get no fix, since another library's \`callout\` may accept
\`"error"\`.
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
      const found = kindArgument(call, names);
      if (!found) continue;
      const receiver = found.receiver && !isBuiltByMarimo(found.receiver, names, notebook, 0) ? found.receiver.text() : undefined;
      for (const literal of stringLiterals(found.kind)) checkLiteral(context, literal, receiver);
    }
  },
});

interface KindArgument {
  /** The expression given as `kind`. */
  readonly kind: PyNode;
  /** The object of a `.callout(...)` method call; absent for the function `mo.callout`. */
  readonly receiver?: PyNode;
}

/** The expression given as `kind`, by keyword or by position. */
function kindArgument(call: PyNode, names: MarimoNames): KindArgument | undefined {
  const callee = call.field("function");
  const args = call.field("arguments");
  if (!callee || !args || args.kind() !== "argument_list") return undefined;
  const compact = callee.text().replace(/\s+/g, "");
  let position: number;
  let receiver: PyNode | undefined;
  if (callee.kind() === "identifier") {
    if (!isMarimoFunction(names, compact, "callout")) return undefined;
    position = 1;
  } else if (isMarimoFunction(names, compact, "callout")) {
    // `mo.callout(value, kind)` is the function; anything else is the `Html.callout(kind)` method.
    position = 1;
  } else {
    position = 0;
    receiver = callee.field("object") ?? undefined;
  }
  const of = (kind: PyNode | null | undefined): KindArgument | undefined => (kind ? { kind, ...(receiver ? { receiver } : {}) } : undefined);
  const items = args.namedChildren().filter((a) => a.kind() !== "comment");
  for (const item of items) {
    if (item.kind() === "keyword_argument" && item.field("name")?.text() === "kind") return of(item.field("value"));
  }
  const positional = items.filter((a) => a.kind() !== "keyword_argument");
  if (positional.slice(0, position + 1).some((a) => a.kind() === "list_splat" || a.kind() === "dictionary_splat")) return undefined;
  return of(positional[position]);
}

/** Where a name is bound other than by `name = value`: the binding's value is not known. */
const BINDING_CONTEXTS: Rule[] = [
  { inside: { any: ["parameters", "lambda_parameters", "typed_parameter", "default_parameter", "typed_default_parameter"].map((kind) => ({ kind })) } },
  { inside: { any: ["pattern_list", "tuple_pattern", "list_pattern", "as_pattern_target", "dotted_name", "aliased_import"].map((kind) => ({ kind })) } },
  ...["for_statement", "for_in_clause", "augmented_assignment"].map((kind) => ({ inside: { kind, field: "left" } })),
  ...["function_definition", "class_definition"].map((kind) => ({ inside: { kind, field: "name" } })),
];

/** How many assignments deep a name is followed (`a = mo.md(...)`, `b = a`). */
const MAX_ALIAS_DEPTH = 3;

/**
 * Whether an expression is built by marimo: a chain of calls and attributes rooted at marimo
 * (`mo.md(...).center()`, `md(...)` from `from marimo import md`), or a name every assignment of
 * which in the notebook is such an expression.
 */
function isBuiltByMarimo(expression: PyNode, names: MarimoNames, notebook: Notebook, depth: number): boolean {
  let node: PyNode | null = expression;
  let called = false;
  for (;;) {
    const kind = String(node.kind());
    if (kind === "call") {
      called = true;
      node = node.field("function");
    } else if (kind === "attribute") {
      node = node.field("object");
    } else if (kind === "parenthesized_expression") {
      node = node.namedChildren().find((c) => c.kind() !== "comment") ?? null;
    } else {
      break;
    }
    if (!node) return false;
  }
  if (node.kind() !== "identifier") return false;
  const name = node.text();
  if (names.modules.has(name)) return called;
  if ([...names.attributes.values()].includes(name)) return called;
  if (node !== expression || depth >= MAX_ALIAS_DEPTH) return false;
  const values = assignedValues(notebook, name);
  return values.length > 0 && values.every((value) => isBuiltByMarimo(value, names, notebook, depth + 1));
}

/**
 * The values assigned to `name` anywhere in the notebook (`name = value`, `name := value`). Any
 * other binding of the name (a parameter, a loop target, `with ... as name`, `a, name = ...`)
 * yields nothing for it, so a name bound that way is not taken for marimo's.
 */
function assignedValues(notebook: Notebook, name: string): PyNode[] {
  const mentions = new RegExp(`(?<![\\w.])${escapeRegex(name)}(?!\\w)`, "gu");
  const pattern = `^${escapeRegex(name)}$`;
  const matcher: Matcher = {
    rule: {
      any: [
        { kind: "assignment", has: { field: "left", kind: "identifier", regex: pattern } },
        { kind: "named_expression", has: { field: "name", regex: pattern } },
        { kind: "identifier", regex: pattern, any: BINDING_CONTEXTS },
      ],
    },
  };
  const values: PyNode[] = [];
  for (const cell of cellsMatching(notebook, mentions)) {
    for (const node of cell.node.findAll(matcher)) {
      const kind = node.kind();
      if (kind === "identifier") {
        // A cell's parameters are how marimo hands it another cell's globals, not bindings.
        if (cell.kind === "cell" && startOf(node) < cell.signatureEnd) continue;
        return [];
      }
      const value = node.field(kind === "assignment" ? "right" : "value");
      if (!value) return [];
      values.push(value);
    }
  }
  return values;
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

/**
 * Reports a kind literal that marimo rejects, with a fix when it maps to a valid kind and the
 * call is known to be marimo's (`unknownReceiver` names the object of a method call that may not be).
 */
function checkLiteral(context: RuleContext, literal: PyNode, unknownReceiver: string | undefined): void {
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
  if (unknownReceiver !== undefined) {
    const receiver = unknownReceiver.replace(/\s+/g, " ");
    const shown = receiver.length > 40 ? `${receiver.slice(0, 37)}...` : receiver;
    context.report({ node: literal, message: `${problem}, if \`${shown}\` is a marimo object; then use \`kind="${replacement}"\`` });
    return;
  }
  context.report({
    node: literal,
    message: `${problem}; use \`kind="${replacement}"\``,
    fix: { description: `Replace callout kind "${value}" with "${replacement}"`, edits: [replaceRange(endOf(open), startOf(close), replacement)] },
  });
}
