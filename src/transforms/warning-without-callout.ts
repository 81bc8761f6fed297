import { replaceRange } from "../engine/edits.js";
import { defineRule } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { importsOf } from "./lib/imports.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds \`mo.md(...)\` texts that open with a warning or error marker (⚠️, ❗, 🚨, ❌, 🚫, ⛔, 🛑,
\`**Warning**\`, \`**Caution**\`, \`**Error**\`, \`**Danger**\`, \`Warning:\`, \`Error:\`) and are shown as
plain markdown, not inside \`mo.callout(...)\` or \`.callout(...)\`. Headings (\`## ⚠️ Pitfalls\`) are
section titles, not messages, and are left alone.

## Why is this bad?
A warning written as a paragraph looks like every other paragraph; readers scroll past it. The
guide asks for callouts for important messages (section 8.1 "Visual Layout") and shows errors
and warnings in \`kind="danger"\` / \`kind="warn"\` callouts (sections 3.1 and 8.2): the coloured box
is what tells the reader that something needs their attention.

## Example
\`\`\`python
mo.stop(free_gb < 4, mo.md(f"⚠️ **Low GPU memory**: only {free_gb:.1f} GB free"))
\`\`\`

Use instead:
\`\`\`python
mo.stop(free_gb < 4, mo.md(f"⚠️ **Low GPU memory**: only {free_gb:.1f} GB free").callout(kind="warn"))
\`\`\`

## Fix
Appends \`.callout(kind="warn")\` to warnings (⚠️, ❗, 🚨, Warning, Caution, Attention) and
\`.callout(kind="danger")\` to errors (❌, 🚫, ⛔, 🛑, Error, Danger, Failed, Fatal, Critical); an error
marker on a run cancelled, aborted or skipped on purpose (\`❌ Cancelled.\`, \`🛑 Training aborted\`,
\`⛔ Skipped\`) gets \`kind="warn"\`: it is news, not a failure. When the
markdown object is used further (\`mo.md(...).center()\`, \`mo.md(...).batch(...)\`), the diagnostic
comes without a fix: put the callout where the text is finally shown. A \`mo.md(...)\` that is a
statement of its own but not its cell's last (inside an \`if\`, a \`try\` or an \`except\`, or
followed by other statements) is never displayed, callout or not: it is reported as such,
without a fix (\`mo.output.append(...)\` would show it).

## Fix safety
Safe: \`.callout()\` wraps the same markdown in a coloured box; the text, and everything that
uses the object as output, stay the same.
`;

/** Cheap test on the whole source before any native query. */
const MARKER_HINT = /[⚠❗❕🚨❌✖🚫⛔🛑]|warning|caution|attention|error|danger|fail|fatal|critical/i;

const DANGER_EMOJI = /^(?:❌|✖|🚫|⛔|🛑)/u;
/**
 * After an error emoji, a run that was cancelled, aborted or skipped (by the reader's choice,
 * `mo.stop(not confirm.value, mo.md("❌ Cancelled."))`): something to notice, not an error.
 */
const STOPPED_ON_PURPOSE = /^(?:❌|✖|🚫|⛔|🛑)\uFE0F?[\s*_]*(?:[\p{L}\p{N}_]+\s+){0,2}(?:cancel|abort|skip)/iu;
const WARN_EMOJI = /^(?:⚠|❗|❕|🚨)/u;
const DANGER_WORD = /^(?:error|danger|failed|failure|fatal|critical)\b/i;
const WARN_WORD = /^(?:warning|caution|attention)\b/i;
/**
 * A word marker counts when it is the whole bold label (`**Warning**`, `**Error:**`) or a label
 * (`Error: ...`); `**Error rate**: 3 %` is a metric, not an error.
 */
const BOLD_LABEL = /^\w+\s*[:!]?\s*(?:\*\*|__)/;
const LABEL = /^\w+\s*[:!]/;

type CalloutKind = "warn" | "danger";

export const warningWithoutCallout = defineRule({
  code: "NVU004",
  name: "warning-without-callout",
  section: "8.2",
  severity: "warning",
  fix: "safe",
  summary: "A warning or error written as plain `mo.md` text instead of a callout",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!source.includes("md(") || !MARKER_HINT.test(source)) return;
    const matcher = markdownCalls(notebook);
    if (!matcher) return;

    for (const call of notebook.root.root().findAll(matcher)) {
      const text = leadingText(firstArgument(call));
      if (text === undefined) continue;
      const kind = markerKind(text);
      if (!kind) continue;
      if (calloutAppliedLater(notebook, call)) continue;
      const callout = `.callout(kind="${kind}")`;
      const what = kind === "danger" ? "error" : "warning";
      const message = `This ${what} is plain \`mo.md\` text: show it as a callout, \`mo.md(...)${callout}\`, so that it stands out`;
      const parent = call.parent();
      if (parent?.kind() === "expression_statement" && !isCellOutput(context.cellAt(startOf(parent)), parent)) {
        // A statement of its own that is not the cell's last: marimo shows nothing of it, with
        // or without a callout. The message, not a fix, says what would show it.
        context.report({
          node: call,
          message: `This ${what} is never shown: marimo displays only a cell's last expression, and this \`mo.md(...)\` is a statement of its own before it or inside a block; pass it to \`mo.output.append(...)\` (as a callout, \`mo.md(...)${callout}\`) or make it the cell's output`,
        });
        continue;
      }
      if (parent?.kind() === "attribute") {
        context.report({ node: call, message: `${message} (the markdown is used further here: not fixed, add the callout where it is shown)` });
        continue;
      }
      context.report({
        node: call,
        message,
        fix: { description: `Append \`${callout}\``, edits: [replaceRange(endOf(call), endOf(call), callout)] },
      });
    }
  },
});

/** Whether an expression statement is what its cell displays: the last statement of a regular cell's body. */
function isCellOutput(cell: Cell | undefined, statement: PyNode): boolean {
  if (!cell || cell.kind !== "cell") return false;
  const last = cell.statements.at(-1);
  return last !== undefined && startOf(last) === startOf(statement);
}

/**
 * `mo.md(...)` calls (under the notebook's aliases of marimo, or `md` imported from it) that are
 * not already inside a `mo.callout(...)` or `.callout(...)` call.
 */
function markdownCalls(notebook: Notebook): Matcher | undefined {
  const names: string[] = [];
  for (const i of importsOf(notebook)) {
    if (i.module === "marimo" && i.attribute === undefined) names.push(`${i.local}\\.md`);
    else if (i.module === "marimo" && i.attribute === "md") names.push(i.local);
  }
  if (names.length === 0) return undefined;
  const unique = [...new Set(names)];
  return {
    rule: {
      kind: "call",
      has: { field: "function", regex: `^(?:${unique.join("|")})$` },
      not: {
        inside: {
          stopBy: "end",
          kind: "call",
          has: { field: "function", regex: "(?:^|\\.)callout$" },
        },
      },
    },
  };
}

function firstArgument(call: PyNode): PyNode | undefined {
  const args = call.field("arguments")?.children().filter((c) => c.isNamed() && c.kind() !== "comment") ?? [];
  const first = args[0];
  if (first?.kind() === "keyword_argument") {
    const byName = args.find((a) => a.kind() === "keyword_argument" && a.field("name")?.text() === "text");
    return byName?.field("value") ?? undefined;
  }
  return first;
}

/** The literal text a string expression starts with; undefined when it does not start with a literal. */
function leadingText(node: PyNode | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.kind()) {
    case "string": {
      const start = node.children()[0];
      if (start?.kind() !== "string_start") return undefined;
      const raw = node.text().slice(start.text().length);
      // Blank lines and escaped line breaks before the text (`"""\n    ⚠️ ..."""`, `"\n⚠️"`).
      return raw.replace(/^(?:\s|\\[nt])+/, "");
    }
    case "concatenated_string":
      return leadingText(node.children().find((c) => c.isNamed()));
    case "binary_operator":
      return leadingText(node.field("left") ?? undefined);
    case "parenthesized_expression":
      return leadingText(node.children().find((c) => c.isNamed()));
    default:
      return undefined;
  }
}

function markerKind(text: string): CalloutKind | undefined {
  // A blockquote and bold or underline emphasis may come before the marker: `> **⚠️ Warning**`.
  const quoteless = text.replace(/^>\s*/, "");
  const bold = /^(?:\*\*|__)/.test(quoteless);
  const body = quoteless.replace(/^(?:\*\*|__)\s*/, "");
  if (DANGER_EMOJI.test(body)) return STOPPED_ON_PURPOSE.test(body) ? "warn" : "danger";
  if (WARN_EMOJI.test(body)) return "warn";
  if (!(bold ? BOLD_LABEL : LABEL).test(body)) return undefined;
  if (DANGER_WORD.test(body)) return "danger";
  if (WARN_WORD.test(body)) return "warn";
  return undefined;
}

/** `_note = mo.md("⚠️ ...")` followed by `_note.callout(...)` or `mo.callout(_note, ...)` in the same cell. */
function calloutAppliedLater(notebook: Notebook, call: PyNode): boolean {
  const parent = call.parent();
  if (parent?.kind() !== "assignment") return false;
  const target = parent.field("left");
  if (target?.kind() !== "identifier") return false;
  const name = target.text();
  const cell = notebook.cells.find((c) => c.start <= call.range().start.index && call.range().end.index <= c.end);
  const scope = cell ? notebook.source.slice(cell.start, cell.end) : notebook.source;
  const escaped = escapeRegex(name);
  return new RegExp(`(?<![\\w.])${escaped}\\.callout\\(|callout\\(\\s*${escaped}(?!\\w)`, "u").test(scope);
}
