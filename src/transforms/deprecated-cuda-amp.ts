import { replaceNode, replaceRange } from "../engine/edits.js";
import { defineRule, type Fix, type RuleContext, type TextEdit } from "../engine/types.js";
import type { Notebook } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { indentationAt } from "../notebook/text.js";
import { importsOf, type ImportedName } from "./lib/imports.js";
import { findInCells, visibleAlias } from "./lib/nvp-helpers.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds the deprecated CUDA-only mixed-precision API: \`torch.cuda.amp.autocast\`,
\`torch.cuda.amp.GradScaler\`, \`torch.cuda.amp.custom_fwd\` and \`torch.cuda.amp.custom_bwd\`,
written as attributes (\`torch.cuda.amp.autocast()\`, \`t.cuda.amp.autocast()\` after \`import
torch as t\`, \`cuda.amp.autocast()\` after \`from torch import cuda\`), through the module
(\`from torch.cuda import amp\`, then \`amp.autocast()\`), or imported by name (\`from
torch.cuda.amp import autocast, GradScaler\`).

## Why is this bad?
Since PyTorch 2.4 these names emit a \`FutureWarning\` on every call and are scheduled for
removal. The device-generic \`torch.autocast("cuda", ...)\` and \`torch.amp.GradScaler("cuda",
...)\` do the same thing and are what the guide uses (section 5.2 "Mixed Precision"). The
warning also lands in the cell's output, every time the cell runs.

## Example
\`\`\`python
scaler = torch.cuda.amp.GradScaler()
with torch.cuda.amp.autocast(dtype=torch.float16):
    loss = criterion(model(images), labels)
\`\`\`

Use instead:
\`\`\`python
scaler = torch.amp.GradScaler("cuda")
with torch.autocast("cuda", dtype=torch.float16):
    loss = criterion(model(images), labels)
\`\`\`

## Fix
- \`torch.cuda.amp.autocast(...)\` becomes \`torch.autocast("cuda", ...)\`. Positional arguments
  become keywords, because the old signature starts with \`enabled\` and the new one with the
  device: \`autocast(True)\` becomes \`autocast("cuda", enabled=True)\`.
- \`torch.cuda.amp.GradScaler(...)\` becomes \`torch.amp.GradScaler("cuda", ...)\`; in a type
  annotation, \`torch.amp.GradScaler\`.
- \`torch.cuda.amp.custom_fwd\` / \`custom_bwd\` become \`torch.amp.custom_fwd(device_type="cuda")\`.
- \`from torch.cuda.amp import autocast, GradScaler\` becomes \`from torch.amp import autocast,
  GradScaler\`, \`from torch.cuda import amp\` becomes \`from torch import amp\`, and every use
  gets the device (\`autocast("cuda", ...)\`, \`amp.GradScaler("cuda")\`). The imported names stay
  the same, so no cell's inputs or outputs change.

Existing arguments (\`dtype=torch.bfloat16\`, \`enabled=use_amp\`, \`**amp_kwargs\`) are kept, in
the notebook's own alias for \`torch\`. A use that is not a call (\`ctx = autocast if amp else
nullcontext\`), an \`autocast(*args)\` call, or an import that also brings other names is
reported without a fix.

## Fix safety
Safe: the new calls are what the deprecated ones forward to, with the same defaults
(float16 for CUDA autocast).
`;

type Member = "autocast" | "GradScaler" | "custom_fwd" | "custom_bwd";
const MEMBERS: readonly Member[] = ["autocast", "GradScaler", "custom_fwd", "custom_bwd"];
/** Positional parameters of `torch.cuda.amp.autocast`, in order. */
const AUTOCAST_POSITIONAL = ["enabled", "dtype", "cache_enabled"];

type Usage = "call" | "decorator" | "type" | "value";

interface Use {
  /** The attribute or identifier that names the deprecated member. */
  readonly ref: PyNode;
  readonly member: Member;
  readonly usage: Usage;
}

export const deprecatedCudaAmp = defineRule({
  code: "NVP001",
  name: "deprecated-cuda-amp",
  section: "5.2",
  severity: "warning",
  fix: "safe",
  summary: "Deprecated `torch.cuda.amp.autocast` / `GradScaler`: use `torch.autocast(\"cuda\")` / `torch.amp.GradScaler(\"cuda\")`",
  docs,
  check(context) {
    const { notebook } = context;
    if (!notebook.source.includes("amp")) return;
    const torchRoots: string[] = [];
    const cudaRoots: string[] = [];
    const bindings: ImportedName[] = []; // names bound to torch.cuda.amp or to one of its members
    for (const i of importsOf(notebook)) {
      if (i.attribute === undefined) {
        if (i.module === "torch") torchRoots.push(i.local);
        else if (i.module === "torch.cuda") cudaRoots.push(i.local);
        else if (i.module === "torch.cuda.amp") bindings.push(i);
      } else if (i.module === "torch" && i.attribute === "cuda") cudaRoots.push(i.local);
      else if (i.module === "torch.cuda" && i.attribute === "amp") bindings.push(i);
      else if (i.module === "torch.cuda.amp" && (MEMBERS as readonly string[]).includes(i.attribute)) bindings.push(i);
    }
    if (torchRoots.length + cudaRoots.length + bindings.length === 0) return;
    checkAttributeForms(context, unique(torchRoots), unique(cudaRoots));
    if (bindings.length > 0) checkImportedForms(context, bindings);
  },
});

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

// --- `torch.cuda.amp.X` and `cuda.amp.X` -----------------------------------------------------

function checkAttributeForms(context: RuleContext, torchRoots: readonly string[], cudaRoots: readonly string[]): void {
  const { notebook } = context;
  const prefixes = [...torchRoots.map((t) => `${escapeRegex(t)}\\.cuda\\.amp`), ...cudaRoots.map((c) => `${escapeRegex(c)}\\.amp`)];
  if (prefixes.length === 0) return;
  const matcher: Matcher = { rule: { kind: "attribute", regex: `^(${prefixes.join("|")})\\.(${MEMBERS.join("|")})$` } };
  for (const ref of findInCells(notebook, /\bamp\s*\./, matcher)) {
    if (ref.inside({ rule: { any: [{ kind: "import_statement" }, { kind: "import_from_statement" }] } })) continue;
    const text = ref.text();
    const member = text.slice(text.lastIndexOf(".") + 1) as Member;
    const root = text.slice(0, text.indexOf("."));
    const use: Use = { ref, member, usage: usageOf(ref) };
    const message = messageFor(use, text);
    // `cuda.amp.X` needs a name bound to `torch` that this cell already sees.
    const torch = torchRoots.includes(root) && text.startsWith(`${root}.cuda.`) ? root : visibleAlias(context, ref, torchRoots);
    if (!torch) {
      context.report({ node: reportNode(use), message: `${message} (no \`import torch\` visible in this cell: not fixed)` });
      continue;
    }
    const edit = rewriteUse(notebook, use, newCallee(torch, member));
    if (typeof edit === "string") {
      context.report({ node: reportNode(use), message: `${message} (${edit}: not fixed)` });
      continue;
    }
    context.report({ node: reportNode(use), message, fix: { description: descriptionFor(member), edits: [edit] } });
  }
}

function newCallee(torch: string, member: Member): string {
  return member === "autocast" ? `${torch}.autocast` : `${torch}.amp.${member}`;
}

// --- `from torch.cuda.amp import X`, `from torch.cuda import amp` -----------------------------

interface Group {
  readonly statements: Map<number, PyNode>;
  readonly bindings: ImportedName[];
}

function checkImportedForms(context: RuleContext, bindings: readonly ImportedName[]): void {
  const { notebook } = context;
  // Import statements that bind the same local name are fixed together.
  const groups: Group[] = [];
  for (const binding of bindings) {
    const related = groups.filter((g) => g.statements.has(binding.node.id()) || g.bindings.some((b) => b.local === binding.local));
    const merged: Group = { statements: new Map([[binding.node.id(), binding.node]]), bindings: [binding] };
    for (const g of related) {
      for (const [id, node] of g.statements) merged.statements.set(id, node);
      merged.bindings.push(...g.bindings);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  for (const group of groups) checkGroup(context, group);
}

function checkGroup(context: RuleContext, group: Group): void {
  const { notebook } = context;
  const memberOf = new Map<string, Member | "module">();
  for (const b of group.bindings) memberOf.set(b.local, b.module === "torch.cuda.amp" && b.attribute !== undefined ? (b.attribute as Member) : "module");
  const locals = [...memberOf.keys()];
  const matcher: Matcher = { rule: { kind: "identifier", regex: `^(${locals.map(escapeRegex).join("|")})$` } };
  const uses: Use[] = [];
  const problems: string[] = [];
  const statementIds = new Set(group.statements.keys());
  // A cell's `return` lists its outputs for marimo; the engine rewrites it.
  const returns = notebook.cells.flatMap((c) => (c.returnStatement ? [c.returnStatement] : []));
  for (const id of findInCells(notebook, new RegExp(`\\b(${locals.map(escapeRegex).join("|")})\\b`), matcher)) {
    if (!isReference(id, statementIds)) continue;
    if (returns.some((r) => startOf(r) <= startOf(id) && endOf(id) <= endOf(r))) continue;
    const kind = memberOf.get(id.text())!;
    if (kind !== "module") {
      uses.push({ ref: id, member: kind, usage: usageOf(id) });
      continue;
    }
    // `amp.X`: the module must only be used for the four members.
    const parent = id.parent();
    const member = parent?.kind() === "attribute" && parent.field("object")?.id() === id.id() ? parent.field("attribute")?.text() : undefined;
    if (member && (MEMBERS as readonly string[]).includes(member)) uses.push({ ref: parent!, member: member as Member, usage: usageOf(parent!) });
    else problems.push(`\`${(parent?.kind() === "attribute" ? parent : id).text()}\` has no replacement in \`torch.amp\``);
  }

  const edits: TextEdit[] = [];
  for (const statement of group.statements.values()) {
    const edit = rewriteImport(statement);
    if (typeof edit === "string") problems.push(edit);
    else edits.push(edit);
  }
  for (const use of uses) {
    const edit = rewriteUse(notebook, use, use.ref.text());
    if (typeof edit === "string") problems.push(edit);
    else if (edit.start !== edit.end || edit.text !== "") edits.push(edit);
  }
  const fix: Fix | undefined = problems.length === 0 ? { description: "Import from `torch.amp` and pass the device `\"cuda\"`", edits } : undefined;
  const reason = problems.length > 0 ? ` (${problems[0]}: not fixed)` : "";
  if (uses.length === 0) {
    for (const statement of group.statements.values()) {
      context.report({ node: statement, message: `\`${oneLine(statement.text())}\` imports the deprecated CUDA-only AMP API; import from \`torch.amp\` instead${reason}`, ...(fix ? { fix } : {}) });
    }
    return;
  }
  for (const use of uses) {
    context.report({ node: reportNode(use), message: `${messageFor(use, use.ref.text())}${reason}`, ...(fix ? { fix } : {}) });
  }
}

/** Whether an identifier reads the imported name (not the import itself, an attribute or a keyword). */
function isReference(id: PyNode, importStatements: ReadonlySet<number>): boolean {
  const parent = id.parent();
  if (!parent) return false;
  const kind = parent.kind();
  if (kind === "dotted_name" || kind === "aliased_import") return false;
  if (kind === "attribute" && parent.field("attribute")?.id() === id.id()) return false;
  if (kind === "keyword_argument" && parent.field("name")?.id() === id.id()) return false;
  if (["parameters", "default_parameter", "typed_parameter", "typed_default_parameter", "lambda_parameters"].includes(String(kind))) return false;
  for (const a of id.ancestors()) if (importStatements.has(a.id())) return false;
  return true;
}

function rewriteImport(statement: PyNode): TextEdit | string {
  if (statement.kind() === "import_statement") {
    const dotted = statement.findAll({ rule: { kind: "dotted_name", regex: "^torch\\s*\\.\\s*cuda\\s*\\.\\s*amp$" } });
    if (dotted.length === 0) return "unexpected import";
    if (dotted.length > 1) return "the import names `torch.cuda.amp` twice";
    return replaceNode(dotted[0]!, "torch.amp");
  }
  const module = statement.field("module_name");
  if (!module) return "unexpected import";
  const path = module.text().replace(/\s+/g, "");
  const names = statement
    .children()
    .filter((c) => c.id() !== module.id() && (c.kind() === "dotted_name" || c.kind() === "aliased_import"))
    .map((c) => (c.kind() === "aliased_import" ? c.field("name")?.text() ?? "" : c.text()));
  if (path === "torch.cuda") {
    if (names.some((n) => n !== "amp")) return `\`${oneLine(statement.text())}\` also imports other names`;
    return replaceNode(module, "torch");
  }
  if (names.some((n) => !(MEMBERS as readonly string[]).includes(n))) return `\`${oneLine(statement.text())}\` also imports other names`;
  return replaceNode(module, "torch.amp");
}

// --- uses --------------------------------------------------------------------------------------

function usageOf(ref: PyNode): Usage {
  const parent = ref.parent();
  if (parent?.kind() === "call" && parent.field("function")?.id() === ref.id()) return "call";
  if (parent?.kind() === "decorator") return "decorator";
  for (const a of ref.ancestors()) {
    const kind = a.kind();
    if (kind === "type") return "type";
    if (kind === "call" || kind === "block" || kind === "module" || kind === "argument_list") break;
  }
  return "value";
}

function reportNode(use: Use): PyNode {
  return use.usage === "call" ? use.ref.parent()! : use.ref;
}

function messageFor(use: Use, written: string): string {
  const generic =
    use.usage === "type" ? `\`torch.amp.${use.member}\`` : use.member === "autocast" ? '`torch.autocast("cuda", ...)`' : use.member === "GradScaler" ? '`torch.amp.GradScaler("cuda", ...)`' : `\`torch.amp.${use.member}(device_type="cuda")\``;
  const shown = use.usage === "call" ? `\`${written}(...)\`` : `\`${written}\``;
  return `${shown} is the deprecated CUDA-only AMP API (a \`FutureWarning\` on every call); use ${generic}`;
}

function descriptionFor(member: Member): string {
  if (member === "autocast") return 'Use `torch.autocast("cuda", ...)`';
  if (member === "GradScaler") return 'Use `torch.amp.GradScaler("cuda", ...)`';
  return `Use \`torch.amp.${member}(device_type="cuda")\``;
}

/**
 * The edit that turns one use into its `torch.amp` form, with `callee` as the new name of the
 * callable. For imported forms the callee is unchanged and only the device is added.
 */
function rewriteUse(notebook: Notebook, use: Use, callee: string): TextEdit | string {
  const source = notebook.source;
  const { ref, member, usage } = use;
  if (usage === "type") {
    if (member !== "GradScaler") return `\`${ref.text()}\` in an annotation`;
    return replaceNode(ref, callee);
  }
  if (usage === "decorator") {
    if (member !== "custom_fwd" && member !== "custom_bwd") return `\`@${ref.text()}\` without a call`;
    return replaceNode(ref, `${callee}(device_type="cuda")`);
  }
  if (usage === "value") return `\`${ref.text()}\` is used as a value, not called`;
  const call = ref.parent()!;
  const list = call.field("arguments");
  if (!list || list.kind() !== "argument_list") return `\`${ref.text()}\` is called with a generator argument`;
  const args = list.namedChildren().filter((c) => c.kind() !== "comment");
  if (args.some((a) => a.kind() === "keyword_argument" && /^(device_type|device)$/.test(a.field("name")?.text() ?? ""))) {
    return "the call already names a device";
  }
  const listStart = startOf(list);
  let text = source.slice(listStart, endOf(list));
  const splice = (start: number, end: number, insert: string) => {
    text = text.slice(0, start - listStart) + insert + text.slice(end - listStart);
  };
  const positional = args.filter((a) => a.kind() !== "keyword_argument" && a.kind() !== "dictionary_splat");
  let prepend: string | undefined;
  let append: string | undefined;
  if (member === "autocast") {
    if (positional.some((a) => a.kind() === "list_splat")) return "`*args` cannot be mapped to the new signature";
    if (positional.length > AUTOCAST_POSITIONAL.length) return "too many positional arguments";
    // Right to left, so earlier offsets stay valid.
    for (let i = positional.length - 1; i >= 0; i--) {
      const arg = positional[i]!;
      splice(startOf(arg), startOf(arg), `${AUTOCAST_POSITIONAL[i]}=`);
    }
    prepend = '"cuda"';
  } else if (member === "GradScaler") {
    prepend = '"cuda"';
  } else if (positional.length > 0) {
    append = 'device_type="cuda"';
  } else {
    prepend = 'device_type="cuda"';
  }
  if (append) {
    const last = args.at(-1)!;
    splice(endOf(last), endOf(last), `, ${append}`);
  }
  if (prepend) {
    const first = list.namedChildren()[0];
    if (!first) text = `(${prepend})`;
    else if (first.kind() === "comment") return "a comment opens the argument list";
    else if (!source.slice(listStart + 1, startOf(first)).includes("\n")) text = `(${prepend}, ${text.slice(1)}`;
    else {
      const offset = startOf(first) - listStart;
      text = `${text.slice(0, offset)}${prepend},\n${indentationAt(source, startOf(first))}${text.slice(offset)}`;
    }
  }
  const calleeNode = call.field("function")!;
  return replaceRange(startOf(calleeNode), endOf(list), callee + source.slice(endOf(calleeNode), listStart) + text);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
