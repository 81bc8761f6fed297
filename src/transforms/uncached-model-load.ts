import { indentUnit, replaceRange } from "../engine/edits.js";
import { defineRule, type Fix, type RuleContext } from "../engine/types.js";
import type { Cell, Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { indentationAt, lineStartOf } from "../notebook/text.js";
import { importsOf, moduleAliases } from "./lib/imports.js";
import { callArguments, findInCells, ownsLines, statementOf, visibleAlias } from "./lib/nvp-helpers.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds model and data set loading, \`X.from_pretrained(...)\` (transformers, diffusers, peft,
sentence-transformers...), \`torch.load(...)\` and \`load_dataset(...)\` (Hugging Face
\`datasets\`), that is not inside \`with mo.cache(...)\` / \`with mo.persistent_cache(...)\` or a
function decorated with \`@mo.cache\`, \`@mo.persistent_cache\`, \`@mo.lru_cache\` or
\`functools.cache\`.

## Why is this bad?
marimo re-runs a cell whenever one of its inputs changes. An uncached load then reads (or
downloads) gigabytes of weights again, every time a slider upstream moves, and again after every
restart of the notebook. \`mo.persistent_cache\` stores the loaded objects on disk
(\`__marimo__/cache\`) and restores them while the code and its inputs are unchanged (guide,
section 5.4 "Caching Expensive Computations").

## Example
\`\`\`python
tokenizer = AutoTokenizer.from_pretrained("gpt2")
model = AutoModelForCausalLM.from_pretrained("gpt2").to(device)
\`\`\`

Use instead:
\`\`\`python
with mo.persistent_cache(name="gpt2"):
    tokenizer = AutoTokenizer.from_pretrained("gpt2")
    model = AutoModelForCausalLM.from_pretrained("gpt2")
model = model.to(device)
\`\`\`

## Fix
Wraps the loading assignments, together with the loading assignments right next to them, in
\`with mo.persistent_cache(name="..."):\`. The block caches the names it defines, so only
assignments are wrapped: their names are restored from disk on a cache hit. The name comes from
what is loaded (the model id, file or data set name; else the assigned names). A move to the GPU
chained on the load (\`.to(device)\`, \`.cuda()\`) is split off after the block, so the cache holds
CPU tensors and the move runs on every execution. Lines inside multi-line strings are not
re-indented.

No fix is offered for a load that should not be pickled: one with \`device_map=\` (accelerate puts
the model on the GPU), a quantized one (\`quantization_config=\`, \`load_in_4bit=\`,
\`load_in_8bit=\`), Unsloth's \`FastLanguageModel.from_pretrained\` (it patches transformers as it
loads). A \`streaming=True\` data set is a lazy handle that loads at once: it is not reported.
No fix is offered either for a load that is not assigned (\`model.load_state_dict(torch.load(path))\`,
the cell's trailing display expression), a load inside a loop or \`try\` (marimo only accepts
cache blocks at the top level of a cell, or nested in \`if\`/\`with\`), a load nested in another
call, one in the setup cell, or one inside a function (decorate the function with
\`@mo.persistent_cache\` instead; a function whose every call is cached is not reported). The
cell must be able to read \`mo\`.

## Fix safety
Unsafe: on a cache hit the block does not run, so its side effects (download progress, prints,
random draws) are skipped; the objects are restored by unpickling, which needs the same
library versions; and the cache takes disk space next to the notebook.
`;

const CACHE_CONTEXT = /\b(persistent_cache|cache|lru_cache)\s*\(/;
const CACHE_DECORATOR = /\bcache\b|persistent_cache|lru_cache|cache_resource|cache_data|memoize/;
/** Ancestors allowed between a cache block and the cell body (marimo accepts `if` and `with`). */
const NESTING_OK = new Set(["block", "if_statement", "elif_clause", "else_clause", "with_statement"]);
const FILE_EXTENSION = /\.(pt|pth|bin|ckpt|safetensors|pkl|tar|json|csv|parquet|arrow)$/i;

export const uncachedModelLoad = defineRule({
  code: "NVP006",
  name: "uncached-model-load",
  section: "5.4",
  severity: "warning",
  fix: "unsafe",
  summary: "Model or data set loading (`from_pretrained`, `torch.load`, `load_dataset`) outside `mo.cache` / `mo.persistent_cache`",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!source.includes("from_pretrained(") && !source.includes("load_dataset(") && !source.includes("load(")) return;
    const matcher = loadMatcher(notebook);
    const calls = findInCells(notebook, /from_pretrained\(|load_dataset\(|load\(/, matcher);
    if (calls.length === 0) return;
    const groups = new Map<number, Fix | string>();
    // Cache names given by this pass's fixes: two blocks that load the same model in different
    // cells are fixed in one pass, and each needs a name of its own.
    const names = new Set<string>();
    for (const call of calls) {
      const cell = context.cellAt(startOf(call));
      if (!cell || cell.kind === "unparsable") continue;
      const where = locate(call, cell);
      if (where.cached) continue;
      const what = `\`${calleeText(call)}(...)\``;
      if (where.fn) {
        const name = where.fn.field("name")?.text() ?? "";
        if (name && everyCallCached(notebook, name, where.fn)) continue;
        context.report({
          node: call,
          message: `${what} inside \`${name}()\` loads again on every call: decorate \`${name}\` with \`@mo.persistent_cache\` (or \`@mo.cache\`) so the result is reused`,
        });
        continue;
      }
      if (where.opaque) continue;
      if (isStreaming(call)) continue;
      const message = `${what} loads again every time this cell runs: wrap it in \`with mo.persistent_cache(name=...)\` so the result is restored from disk`;
      const onDevice = notPicklable(call);
      if (onDevice) {
        context.report({
          node: call,
          message: `${what} loads again every time this cell runs; ${onDevice}, so not through \`mo.persistent_cache\`'s pickles: load it in a function decorated with \`@mo.cache\` (kept in memory while the notebook runs)`,
        });
        continue;
      }
      const statement = statementOf(call);
      const reason = statement ? whyNotWrappable(context, cell, call, statement) : "not a statement";
      if (reason) {
        context.report({ node: call, message: `${message} (${reason}: not fixed)` });
        continue;
      }
      const fix = groupFix(context, cell, statement!, groups, matcher, names);
      if (typeof fix === "string") context.report({ node: call, message: `${message} (${fix}: not fixed)` });
      else context.report({ node: call, message, fix });
    }
  },
});

/**
 * Why the loaded object should not go through a pickle on disk, when it should not: a model that
 * accelerate places on devices itself or that is quantized lives on the GPU (the cache must hold
 * CPU tensors, and gigabytes of them); Unsloth's loader patches transformers as it loads, which
 * a cache hit would skip.
 */
function notPicklable(call: PyNode): string | undefined {
  const args = call.field("arguments")?.text() ?? "";
  if (/\b(?:quantization_config|load_in_4bit|load_in_8bit)\s*=/.test(args)) return "a quantized model lives on the GPU";
  if (/\bdevice_map\s*=/.test(args)) return "`device_map=` places the model on the GPU as it loads";
  if (/\bFastLanguageModel\b|\bFastVisionModel\b/.test(calleeText(call))) return "Unsloth's loader patches transformers as it loads (a cache hit would skip that)";
  return undefined;
}

/** `load_dataset(..., streaming=True)`: a lazy handle that loads at once, nothing to cache. */
function isStreaming(call: PyNode): boolean {
  return /\bstreaming\s*=\s*True\b/.test(call.field("arguments")?.text() ?? "");
}

/** Calls that load weights or data sets, under the names the notebook imported. */
function loadMatcher(notebook: Notebook): Matcher {
  const torch = moduleAliases(notebook, "torch");
  const datasets = moduleAliases(notebook, "datasets");
  const locals: string[] = [];
  for (const i of importsOf(notebook)) {
    if (i.module === "torch" && i.attribute === "load") locals.push(i.local);
    if (i.module === "datasets" && i.attribute === "load_dataset") locals.push(i.local);
  }
  const any: object[] = [{ kind: "attribute", has: { field: "attribute", regex: "^from_pretrained$" } }];
  if (torch.length > 0) any.push({ kind: "attribute", regex: `^(${torch.map(escapeRegex).join("|")})\\.load$` });
  if (datasets.length > 0) any.push({ kind: "attribute", regex: `^(${datasets.map(escapeRegex).join("|")})\\.load_dataset$` });
  if (locals.length > 0) any.push({ kind: "identifier", regex: `^(${locals.map(escapeRegex).join("|")})$` });
  return { rule: { kind: "call", has: { field: "function", any } } } as Matcher;
}

function calleeText(call: PyNode): string {
  return (call.field("function")?.text() ?? "").replace(/\s+/g, "");
}

interface Location {
  readonly cached: boolean;
  /** The outermost uncached function around the call inside its cell (or the `@app.function` itself). */
  readonly fn: PyNode | undefined;
  /** Inside a lambda or class body. */
  readonly opaque: boolean;
}

function locate(call: PyNode, cell: Cell): Location {
  const stop = cell.kind === "function" || cell.kind === "class" ? undefined : cell.definition?.id();
  let fn: PyNode | undefined;
  let opaque = false;
  for (const a of call.ancestors()) {
    if (stop !== undefined && a.id() === stop) break;
    const kind = a.kind();
    if (kind === "with_statement") {
      const clause = a.children().find((c) => c.kind() === "with_clause");
      if (clause && CACHE_CONTEXT.test(clause.text())) return { cached: true, fn: undefined, opaque: false };
    } else if (kind === "function_definition") {
      const decorated = a.parent();
      if (decorated?.kind() === "decorated_definition") {
        const decorators = decorated.children().filter((c) => c.kind() === "decorator");
        if (decorators.some((d) => CACHE_DECORATOR.test(d.text()))) return { cached: true, fn: undefined, opaque: false };
      }
      fn = a;
    } else if (kind === "lambda" || kind === "class_definition") {
      opaque = true;
    } else if (kind === "module") break;
  }
  return { cached: false, fn, opaque };
}

/** Whether `name` is called somewhere and every call is cached. */
function everyCallCached(notebook: Notebook, name: string, definition: PyNode): boolean {
  const calls = notebook.root
    .root()
    .findAll({ rule: { kind: "call", has: { field: "function", regex: `^(self\\.)?${escapeRegex(name)}$` } } } as Matcher)
    .filter((c) => !(startOf(definition) <= startOf(c) && endOf(c) <= endOf(definition)));
  if (calls.length === 0) return false;
  return calls.every((c) => {
    const cell = notebook.cells.find((x) => x.start <= startOf(c) && endOf(c) <= x.end);
    return cell !== undefined && locate(c, cell).cached;
  });
}

/** Why the statement holding `call` cannot go into a cache block, or undefined when it can. */
function whyNotWrappable(context: RuleContext, cell: Cell, call: PyNode, statement: PyNode): string | undefined {
  if (cell.kind === "setup") return "in the setup cell";
  if (cell.kind !== "cell" || !cell.body) return "not in a regular cell";
  if (cell.bodyIndent === "") return "the cell is written on one line";
  const assignment = assignmentOf(statement);
  if (!assignment) {
    const last = cell.statements.at(-1);
    if (last && last.id() === statement.id()) return "it is the cell's displayed value; assign it to a name first";
    return "a cache block restores only the names it assigns: assign the loaded value to a name first";
  }
  if (!isLoadChain(assignment.field("right"), call)) return "the load is nested in another expression";
  if (!assignsNamesOnly(assignment)) return "it assigns to an attribute or an item, which a cache block cannot restore";
  if (!ownsLines(context.notebook.source, statement)) return "the statement shares its line with other code";
  for (const a of statement.ancestors()) {
    if (a.id() === cell.body.id()) break;
    const kind = String(a.kind());
    if (!NESTING_OK.has(kind)) return kind === "try_statement" || kind === "except_clause" ? "inside a `try` (marimo accepts cache blocks only at the top level of a cell, or in `if`/`with`)" : "inside a loop (marimo accepts cache blocks only at the top level of a cell, or in `if`/`with`)";
    if (kind === "with_statement") {
      // `with open(path) as f: torch.load(f)`: a file handle cannot be hashed into a cache key.
      const aliases = a.findAll({ rule: { kind: "as_pattern_target" } }).map((t) => t.text());
      if (aliases.some((alias) => new RegExp(`(?<![\\w.])${escapeRegex(alias)}(?!\\w)`).test(statement.text()))) return "it reads the target of an enclosing `with ... as`";
    }
  }
  return undefined;
}

function assignmentOf(statement: PyNode): PyNode | undefined {
  if (statement.kind() !== "expression_statement") return undefined;
  const children = statement.namedChildren();
  const first = children[0];
  if (children.length !== 1 || first?.kind() !== "assignment") return undefined;
  if (!first.field("right")) return undefined;
  return first;
}

/** `a = ...`, `a, b = ...`, `[a, *b] = ...`: targets a cache block can restore. */
function assignsNamesOnly(assignment: PyNode): boolean {
  const left = assignment.field("left");
  if (!left) return false;
  if (left.kind() === "identifier") return true;
  if (!["pattern_list", "tuple_pattern", "list_pattern"].includes(String(left.kind()))) return false;
  return left.findAll({ rule: { any: [{ kind: "attribute" }, { kind: "subscript" }] } }).length === 0;
}

/** The value is the load call itself, or method calls, attributes and subscripts chained on it. */
function isLoadChain(value: PyNode | null | undefined, call: PyNode): boolean {
  let node: PyNode | null | undefined = value;
  while (node) {
    if (node.id() === call.id()) return true;
    const kind = node.kind();
    if (kind === "call") node = node.field("function");
    else if (kind === "attribute") node = node.field("object");
    else if (kind === "subscript") node = node.field("value");
    else if (kind === "await") node = node.namedChildren()[0];
    else return false;
  }
  return false;
}

interface Member {
  readonly statement: PyNode;
  readonly assignment: PyNode;
  readonly call: PyNode;
}

/** The fix for the run of consecutive load assignments around `statement`, shared by its members. */
function groupFix(context: RuleContext, cell: Cell, statement: PyNode, groups: Map<number, Fix | string>, matcher: Matcher, names: Set<string>): Fix | string {
  const siblings = (statement.parent()?.namedChildren() ?? []).filter((c) => c.kind() !== "comment");
  const index = siblings.findIndex((s) => s.id() === statement.id());
  const memberAt = (i: number): Member | undefined => {
    const s = siblings[i];
    if (!s) return undefined;
    const assignment = assignmentOf(s);
    if (!assignment || !assignsNamesOnly(assignment) || !ownsLines(context.notebook.source, s)) return undefined;
    const call = s.findAll(matcher).find((c) => isLoadChain(assignment.field("right"), c));
    // A load that must not be pickled, or a streaming data set, ends the group.
    if (!call || notPicklable(call) !== undefined || isStreaming(call)) return undefined;
    return { statement: s, assignment, call };
  };
  let first = index;
  while (first > 0 && memberAt(first - 1)) first--;
  const cached = groups.get(siblings[first]!.id());
  if (cached) return cached;
  const members: Member[] = [];
  for (let i = first; memberAt(i); i++) members.push(memberAt(i)!);
  const fix = buildFix(context, cell, members, names);
  groups.set(siblings[first]!.id(), fix);
  return fix;
}

function buildFix(context: RuleContext, cell: Cell, members: readonly Member[], names: Set<string>): Fix | string {
  const { notebook } = context;
  const source = notebook.source;
  const mo = marimoAlias(context, cell, members[0]!.statement);
  if (!mo) return "this cell cannot read `mo` (import marimo as mo)";
  const firstStatement = members[0]!.statement;
  const lastStatement = members.at(-1)!.statement;
  const start = lineStartOf(source, startOf(firstStatement));
  const end = endOf(lastStatement);
  const indent = indentationAt(source, startOf(firstStatement));
  const unit = indentUnit(cell);

  // Moves to the GPU chained on a load are split off after the block.
  const removals: Array<[number, number]> = [];
  const moves: string[] = [];
  for (const m of members) {
    const target = m.assignment.field("left");
    const value = m.assignment.field("right")!;
    const chain = source.slice(endOf(m.call), endOf(value));
    if (target?.kind() !== "identifier" || !/\.(to|cuda)\s*\(/.test(chain) || chain.includes("\n") || m.assignment.field("type")) continue;
    if (/device_map\s*=/.test(m.call.text())) continue;
    removals.push([endOf(m.call), endOf(value)]);
    moves.push(`${indent}${target.text()} = ${target.text()}${chain}`);
  }
  let text = source.slice(start, end);
  for (const [a, b] of [...removals].reverse()) text = text.slice(0, a - start) + text.slice(b - start);

  // Removals never span lines, so line numbers stay those of the source.
  const interior = stringInteriorLines(source, cell, start, end);
  const body = text
    .split("\n")
    .map((line, i) => {
      if (interior.has(i) || line.trim() === "") return line;
      return line.startsWith(indent) ? indent + unit + line.slice(indent.length) : unit + line;
    })
    .join("\n");
  const name = cacheName(notebook, members, names);
  const block = `${indent}with ${mo}.persistent_cache(name=${JSON.stringify(name)}):\n${body}${moves.length > 0 ? "\n" + moves.join("\n") : ""}`;
  return {
    description: `Wrap the loading in \`with ${mo}.persistent_cache(name="${name}")\``,
    edits: [replaceRange(start, end, block)],
  };
}

/** Line indexes (counted from the line of `start`) that begin inside a multi-line string. */
function stringInteriorLines(source: string, cell: Cell, start: number, end: number): Set<number> {
  const result = new Set<number>();
  const strings = (cell.body?.findAll({ rule: { kind: "string", regex: "\\n" } }) ?? []).filter((s) => startOf(s) < end && endOf(s) > start);
  if (strings.length === 0) return result;
  let line = 0;
  for (let p = start; p < end; p++) {
    if (source[p] !== "\n") continue;
    line++;
    const next = p + 1;
    if (strings.some((s) => startOf(s) < next && next < endOf(s))) result.add(line);
  }
  return result;
}

/** `mo` as this cell can read it: setup cell, the cell's own reads, or a cell that reads nothing. */
function marimoAlias(context: RuleContext, cell: Cell, node: PyNode): string | undefined {
  const aliases = moduleAliases(context.notebook, "marimo");
  const visible = visibleAlias(context, node, aliases);
  if (visible) return visible;
  const flow = context.dataflow();
  for (const alias of aliases) {
    const definers = flow.definers.get(alias) ?? [];
    if (definers.length !== 1 || definers[0] === cell.index) continue;
    const owner = context.notebook.cells[definers[0]!];
    // A cell without inputs cannot depend on this one: no cycle.
    if (owner && flow.params(owner).length === 0) return alias;
  }
  return undefined;
}

/** A cache name from what is loaded: the model id, file or data set; else the assigned names. */
/** `given`: names other fixes of this pass use; the new one is added. */
function cacheName(notebook: Notebook, members: readonly Member[], given: Set<string>): string {
  const parts: string[] = [];
  for (const m of members) {
    const label = loadedThing(notebook, m.call) ?? slug(m.assignment.field("left")?.text() ?? "");
    if (label && !parts.includes(label)) parts.push(label);
  }
  let base = parts.join("_").slice(0, 48).replace(/_+$/, "") || "loaded";
  if (/^\d/.test(base)) base = `cache_${base}`;
  const taken = new Set([...notebook.source.matchAll(/persistent_cache\(\s*(?:name\s*=\s*)?["']([^"']+)["']/g)].map((m) => m[1]!));
  let name = base;
  for (let i = 2; taken.has(name) || given.has(name); i++) name = `${base}_${i}`;
  given.add(name);
  return name;
}

function loadedThing(notebook: Notebook, call: PyNode): string | undefined {
  const args = callArguments(call);
  const keyword = args.find((a) => a.kind() === "keyword_argument" && /^(pretrained_model_name_or_path|path|f)$/.test(a.field("name")?.text() ?? ""));
  const positional = args.filter((a) => a.kind() !== "keyword_argument");
  const first = keyword?.field("value") ?? positional[0];
  let label = first ? literalOf(notebook, first) : undefined;
  if (label === undefined) return undefined;
  label = slug(label.split(/[\\/]/).filter((p) => p !== "").pop()?.replace(FILE_EXTENSION, "") ?? "");
  if (/load_dataset$/.test(calleeText(call)) && positional[1]) {
    const config = literalOf(notebook, positional[1]);
    if (config) label = `${label}_${slug(config)}`;
  }
  return label || undefined;
}

/** The value of a plain string literal, or of a name assigned exactly one such literal. */
function literalOf(notebook: Notebook, node: PyNode): string | undefined {
  if (node.kind() === "string") {
    if (node.findAll({ rule: { kind: "interpolation" } }).length > 0) return undefined;
    const content = node.children().find((c) => c.kind() === "string_content");
    return content?.text() ?? "";
  }
  if (node.kind() !== "identifier") return undefined;
  const assignments = notebook.root.root().findAll({
    rule: { kind: "assignment", all: [{ has: { field: "left", regex: `^${escapeRegex(node.text())}$` } }, { has: { field: "right", kind: "string" } }] },
  } as Matcher);
  if (assignments.length !== 1) return undefined;
  return literalOf(notebook, assignments[0]!.field("right")!);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
