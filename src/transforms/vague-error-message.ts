import { replaceRange } from "../engine/edits.js";
import { defineRule, type RuleContext, type TextEdit } from "../engine/types.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { cellsMatching, findAllInCells } from "./lib/candidate-cells.js";
import { byStart } from "./lib/predicates.js";

const docs = `
## What it does
Finds \`except\` handlers that hide what went wrong:
- a broad handler (bare \`except:\`, \`except Exception\`, \`except BaseException\`) that shows a
  fixed message (\`print("Error occurred")\`, \`mo.md("❌ Failed")\`, a callout,
  \`mo.stop(True, mo.md("..."))\`, \`logger.error("...")\`, \`warnings.warn("...")\`), or whose body
  only \`pass\`es;
- a handler of any exception type whose fixed message is generic ("Error", "Something went
  wrong", "Failed!").

A handler that uses the exception (\`{e}\`, \`str(e)\`), logs its traceback
(\`logger.exception\`, \`exc_info=True\`, \`traceback\`) or re-raises is not reported, nor is a
silent handler that does something besides passing (a fallback assignment, a retry) or catches a
specific exception (\`except ImportError: pass\`).

## Why is this bad?
"Error occurred" tells the user neither what failed nor what to do about it (guide, section 6.1
"provide helpful error messages, suggest fixes"; common pitfall 4 "Poor Error Messages"). A GPU
notebook fails for many reasons (out of memory, a missing driver, a wrong dtype, a bad input
value) and the exception's own message usually names the cause; dropping it, or swallowing the
error with \`pass\`, turns a one-line diagnosis into guesswork.

## Example
\`\`\`python
try:
    model = load_model(model_name.value)
except Exception:
    print("Error occurred")
\`\`\`

Use instead:
\`\`\`python
try:
    model = load_model(model_name.value)
except Exception as e:
    print(f"Error occurred: {e}")
\`\`\`

## Fix
Binds the exception when the handler does not (\`except Exception:\` becomes
\`except Exception as e:\`; a bare \`except:\` becomes \`except Exception as e:\`), using \`err\`,
\`exc\` or \`error\` when \`e\` is already used in that function or cell, and appends \`: {e}\` to the
first fixed message: the string becomes an f-string (its braces escaped), a trailing period or
exclamation mark is dropped, and Markdown emphasis stays closed (\`"**Failed.**"\` gives
\`f"**Failed**: {e}"\`). A handler that only \`pass\`es gets \`print(f"Ignored error: {e!r}")\` (the
\`!r\` shows the exception's type as well as its text) in place of the \`pass\`. Messages built
with \`%\`, \`.format()\` or \`+\`, logging calls with \`%s\` arguments and byte strings are reported
without a fix.

## Fix safety
Unsafe: the message now shows the exception's text, and a handler that used to be silent now
prints. A bare \`except:\` narrowed to \`except Exception\` no longer catches
\`KeyboardInterrupt\`, \`SystemExit\` or marimo's \`mo.stop\` (\`MarimoStopError\`), which is almost
always what was meant, but is a change in behaviour.
`;

const EXCEPT_CLAUSE: Matcher = { rule: { kind: "except_clause" } };
/** A statement using the exception or reporting it in full. */
const INFORMATIVE = /\b(traceback\.|exc_info|format_exc|print_exc)|\.exception\s*\(/;
/** Calls that show a message to the user. */
const EMITTER =
  /^(print|(\w+\.)*(md|callout|stop|replace|append|warn|warning|error|critical|info|debug|write|toast))$/;
const GENERIC =
  /^(an?\s+)?(unknown\s+|unexpected\s+|some\s+)?(error|errors|exception|failure|failed|fail|oops|problem|something went wrong|an error occurred)(\s+(has\s+)?(occurred|occured|happened|detected|found))?$/i;
const NAME_CANDIDATES = ["e", "err", "exc", "error"];

export const vagueErrorMessage = defineRule({
  code: "NVE003",
  name: "vague-error-message",
  section: "6.1",
  severity: "warning",
  fix: "unsafe",
  summary: "`except` handler that only shows a fixed message (\"Error occurred\") or passes",
  docs,
  check(context) {
    const { notebook } = context;
    if (!notebook.source.includes("except")) return;
    for (const clause of findAllInCells(cellsMatching(notebook, /\bexcept\b/), EXCEPT_CLAUSE)) checkClause(context, clause);
  },
});

interface Handler {
  readonly clause: PyNode;
  readonly typeNode: PyNode | undefined;
  /** The name bound by `as`, when there is one. */
  readonly alias: string | undefined;
  readonly colon: PyNode;
  readonly block: PyNode;
  readonly broad: boolean;
}

function readHandler(clause: PyNode): Handler | undefined {
  if (clause.children().some((c) => c.kind() === "*")) return undefined; // `except*`: groups
  const parts = clause.namedChildren().filter((c) => c.kind() !== "comment");
  const block = parts.find((c) => c.kind() === "block");
  const colon = clause.children().find((c) => c.kind() === ":");
  if (!block || !colon) return undefined;
  const typeNode = parts.find((c) => c !== block);
  let types = typeNode;
  let alias: string | undefined;
  if (typeNode?.kind() === "as_pattern") {
    types = typeNode.namedChildren()[0];
    const target = typeNode.namedChildren().find((c) => c.kind() === "as_pattern_target");
    alias = target?.text();
    if (!alias || !/^\w+$/u.test(alias)) return undefined;
  }
  const names = (types?.text() ?? "").replace(/[()\s]/g, "").split(",");
  const broad = !types || names.some((n) => /^(builtins\.)?(Exception|BaseException)$/.test(n));
  return { clause, typeNode, alias, colon, block, broad };
}

type Statement =
  | { readonly kind: "silent"; readonly node: PyNode }
  | { readonly kind: "control" }
  | { readonly kind: "message"; readonly node: PyNode; readonly literal: PyNode | undefined; readonly text: string };

function checkClause(context: RuleContext, clause: PyNode): void {
  const handler = readHandler(clause);
  if (!handler) return;
  const block = handler.block;
  // A handler that uses the exception, re-raises it or logs its traceback is informative.
  if (INFORMATIVE.test(block.text()) || block.find({ rule: { kind: "raise_statement" } })) return;
  if (handler.alias && block.find({ rule: { kind: "identifier", regex: `^${handler.alias}$` } })) return;
  let message: Extract<Statement, { kind: "message" }> | undefined;
  let silent: Extract<Statement, { kind: "silent" }> | undefined;
  let onlySilent = true;
  for (const statement of block.namedChildren()) {
    if (statement.kind() === "comment") continue;
    const kind = classify(statement);
    if (kind?.kind === "message") message ??= kind;
    else if (kind?.kind === "silent") silent ??= kind;
    if (!kind || kind.kind === "message") onlySilent = false;
  }
  const header = headerText(handler);
  if (message) {
    if (!handler.broad && !GENERIC.test(plainText(message.text))) return;
    const shown = message.text.length > 40 ? `${message.text.slice(0, 37)}...` : message.text;
    const problem = `\`${header}\` only shows the fixed message "${shown.replace(/\s+/g, " ").trim()}"`;
    const remedy = "say what failed and include the exception (`f\"...: {e}\"`) so the user can act on it";
    const literal = message.literal;
    reportHandler(context, handler, `${problem}: ${remedy}`, (name) => (literal ? messageEdit(literal, name) : undefined));
    return;
  }
  if (!silent || !onlySilent || !handler.broad) return;
  const node = silent.node;
  reportHandler(
    context,
    handler,
    `\`${header}\` silently discards the error: report it with the exception (\`f"...: {e}"\`), or catch only the errors you expect`,
    (name) => replaceRange(startOf(node), endOf(node), `print(f"Ignored error: {${name}!r}")`),
  );
}

function headerText(handler: Handler): string {
  const type = handler.typeNode?.text().replace(/\s+/g, " ");
  return type ? `except ${type}:` : "except:";
}

/** What a handler statement does, or undefined when it does real work. */
function classify(statement: PyNode): Statement | undefined {
  const kind = statement.kind();
  if (kind === "pass_statement") return { kind: "silent", node: statement };
  if (kind === "continue_statement" || kind === "break_statement") return { kind: "control" };
  if (kind === "return_statement") {
    const value = statement.namedChildren()[0];
    return !value || /^(none|true|false|integer|float|string)$/.test(String(value.kind())) ? { kind: "control" } : undefined;
  }
  if (kind !== "expression_statement") return undefined;
  let expression = statement.namedChildren()[0];
  if (!expression) return undefined;
  if (expression.kind() === "ellipsis") return { kind: "silent", node: statement };
  // `status = mo.md("❌ Failed").callout(kind="danger")`, displayed later.
  let assigned = false;
  if (expression.kind() === "assignment" && expression.field("right")?.kind() === "call") {
    expression = expression.field("right")!;
    assigned = true;
  }
  if (expression.kind() !== "call") return undefined;
  if (!isEmitterChain(expression)) return undefined;
  if (assigned && /^print$/.test(expression.field("function")?.text() ?? "")) return undefined;
  const literal = messageLiteral(expression);
  if (!literal) return undefined;
  const content = literalContent(literal);
  if (content.trim() === "") return undefined;
  // Only fixable when the string is a plain argument (or the last part of an implicit concatenation).
  const parent = literal.parent();
  // `logger.error("Failed on %s", path)`: the arguments fill `%s` placeholders; leave it to the author.
  const lazyFormat = /%[-#0 +]*\d*(?:\.\d+)?[sdifrx]/.test(content) && (expression.field("arguments")?.namedChildren().length ?? 0) > 1;
  const fixable =
    !lazyFormat &&
    (parent?.kind() === "argument_list" || (parent?.kind() === "concatenated_string" && parent.parent()?.kind() === "argument_list" && endOf(parent) === endOf(literal)));
  return { kind: "message", node: statement, literal: fixable && !/[bBtT]/.test(literalPrefix(literal)) ? literal : undefined, text: content };
}

/** `print(...)`, `mo.md(...)`, `mo.md(...).callout(...)`, `mo.stop(True, mo.md(...))`, `logger.error(...)`. */
function isEmitterChain(call: PyNode): boolean {
  const callee = call.field("function");
  if (!callee) return false;
  const name = callee.text().replace(/\s+/g, "");
  if (EMITTER.test(name)) return true;
  // `mo.md("...").callout(kind=...)`: the method is called on a message.
  if (callee.kind() === "attribute") {
    const object = callee.field("object");
    const method = callee.field("attribute")?.text() ?? "";
    if (object?.kind() === "call" && /^(callout|center|left|right|style)$/.test(method)) return isEmitterChain(object);
  }
  return false;
}

/** The first string of a call that is not a keyword argument's value (`kind=`, `file=`). */
function messageLiteral(call: PyNode): PyNode | undefined {
  const strings = call.findAll({ rule: { kind: "string", not: { inside: { kind: "keyword_argument", stopBy: "end" } } } });
  const first = strings[0];
  if (!first) return undefined;
  // For an implicit concatenation, the message ends in its last part.
  const parent = first.parent();
  if (parent?.kind() === "concatenated_string") return parent.namedChildren().filter((c) => c.kind() === "string").at(-1);
  return first;
}

function literalPrefix(literal: PyNode): string {
  const start = literal.children()[0];
  return start?.kind() === "string_start" ? start.text().replace(/['"]+$/, "") : "";
}

function literalContent(literal: PyNode): string {
  const children = literal.children();
  const open = children[0];
  const close = children.at(-1);
  if (!open || !close) return "";
  const text = literal.text();
  return text.slice(open.text().length, text.length - close.text().length);
}

/** The message without markup and emoji, for the generic-message test. */
function plainText(text: string): string {
  return text
    .replace(/\\n/g, " ")
    .replace(/[*_`#>]/g, " ")
    .replace(/[^\p{L}\p{N}\s']/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function reportHandler(context: RuleContext, handler: Handler, message: string, contentEdit: (name: string) => TextEdit | undefined): void {
  const name = handler.alias ?? exceptionName(context, handler.clause);
  const edit = contentEdit(name);
  const start = startOf(handler.clause);
  const end = endOf(handler.colon);
  if (!edit) {
    context.report({ start, end, message: `${message} (the message is built with \`%\`, \`.format()\` or \`+\`, or is a byte string: not fixed)` });
    return;
  }
  const edits: TextEdit[] = [edit];
  if (!handler.alias) {
    edits.push(
      handler.typeNode
        ? replaceRange(endOf(handler.typeNode), endOf(handler.typeNode), ` as ${name}`)
        : replaceRange(startOf(handler.colon), startOf(handler.colon), ` Exception as ${name}`),
    );
  }
  edits.sort(byStart);
  const bind = handler.alias ? "" : `bind the exception as \`${name}\` and `;
  context.report({ start, end, message, fix: { description: `In \`${headerText(handler)}\`, ${bind}include it in the message`, edits } });
}

/** A name for the exception that the enclosing function or cell does not use. */
function exceptionName(context: RuleContext, clause: PyNode): string {
  const source = context.notebook.source;
  let scope: { start: number; end: number } | undefined;
  for (const ancestor of clause.ancestors()) {
    const kind = ancestor.kind();
    if (kind === "function_definition" || kind === "class_definition") {
      scope = { start: startOf(ancestor), end: endOf(ancestor) };
      break;
    }
  }
  const cell = context.cellAt(startOf(clause));
  if (cell && (!scope || cell.kind === "setup")) scope = { start: cell.start, end: cell.end };
  const text = scope ? source.slice(scope.start, scope.end) : source;
  for (const candidate of NAME_CANDIDATES) {
    if (!new RegExp(`(?<![\\w.])${candidate}(?!\\w)`, "u").test(text)) return candidate;
  }
  return context.freshName("exc");
}

/** Appends `: {name}` to a message literal, making it an f-string. */
function messageEdit(literal: PyNode, name: string): TextEdit | undefined {
  const prefix = literalPrefix(literal);
  const children = literal.children();
  const open = children[0]!;
  const close = children.at(-1)!;
  const isF = /[fF]/.test(prefix);
  const content = literalContent(literal);
  const tail = /(?:\s|\\[ntr])*$/u.exec(content)![0];
  let core = content.slice(0, content.length - tail.length);
  if (!isF) core = core.replace(/[{}]/g, (b) => b + b);
  const isRaw = /[rR]/.test(prefix);
  // "Failed." → "Failed: {e}"; "**Failed.**" → "**Failed**: {e}" (emphasis markers stay closed).
  // `\*` alone, not `\*\*|\*`: a run of asterisks splits into those in exponentially many ways.
  const markers = /(?:\*|__|`)*$/u.exec(core)![0];
  core = core.slice(0, core.length - markers.length).replace(/[.!。…]+$/u, "") + markers;
  if (core.endsWith("\\") && !isRaw) return undefined;
  const separator = core === "" ? "" : /:$/.test(core) ? " " : ": ";
  const newPrefix = isF ? prefix : `${prefix.replace(/[uU]/, "")}f`;
  const quote = open.text().slice(prefix.length);
  return replaceRange(startOf(literal), endOf(literal), `${newPrefix}${quote}${core}${separator}{${name}}${tail}${close.text()}`);
}
