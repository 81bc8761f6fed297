import { insertLinesAfter } from "../engine/edits.js";
import { defineRule } from "../engine/types.js";
import { findAllContaining } from "../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { lineStartOf } from "../notebook/text.js";
import { importsModule, preferredAlias } from "./lib/imports.js";
import { mentionsGpu } from "./lib/gpu-notebook.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds \`del\` statements that release GPU objects (models, tensors, optimizers, pipelines) with
no \`torch.cuda.empty_cache()\` after them (in the same block, or after the \`if\`, \`try\`,
\`with\` or loop that holds them), in notebooks that import \`torch\`
and whose code (not its strings or comments) uses CUDA or names a GPU or a device (\`"cuda"\`,
\`.cuda()\`, \`try_gpu()\`, \`.to(device)\`; a notebook that does neither runs on the CPU).

## Why is this bad?
\`del\` drops the Python reference, but PyTorch's caching allocator keeps the freed blocks
reserved for this process. Other cells, other notebooks and other programs on the GPU cannot
use that memory until \`torch.cuda.empty_cache()\` returns it (guide, section 3.3 "Memory
Cleanup").

## Example
\`\`\`python
del model, optimizer
\`\`\`

Use instead:
\`\`\`python
del model, optimizer
gc.collect()
torch.cuda.empty_cache()
\`\`\`

## Fix
Inserts \`torch.cuda.empty_cache()\` on the line after the \`del\`, at the same indentation,
preceded by \`gc.collect()\` when the notebook imports \`gc\`. A \`del\` inside a loop (\`del loss,
outputs\` at the end of a training step) gets it after the outermost loop that holds it, in the
same function or cell: the next iteration reuses the memory the \`del\` freed, and emptying the
cache on every step would make the allocator ask the driver for it again each time. An
\`empty_cache()\` already after that loop counts. The name \`torch\` is the one the
notebook imported (\`import torch as t\` gives \`t.cuda.empty_cache()\`). A \`del\` that shares its
line with other code is reported without a fix.

## Fix safety
Safe: emptying the cache never changes results; it only returns reserved memory to the driver.
`;

/** `del` statements; the GPU test and the "already emptied" test need sibling context. */
const DEL_STATEMENT: Matcher = { rule: { kind: "delete_statement" } };

/** Names that, in a notebook that imports torch, almost always hold GPU memory. */
const GPU_NAME = /model|net|tensor|optim|pipe|gpu|cuda|weight|logit|embed|activation|grad|batch|output|encoder|decoder|unet|vae|llm|lora|cache|feature|hidden|latent|image|input|pred/i;
/** Right-hand sides that put a value on the GPU. */
const GPU_VALUE = /torch\.|\.cuda\(|\.to\(|from_pretrained\(|device|cupy|cp\./;

export const delWithoutEmptyCache = defineRule({
  code: "NVG003",
  name: "del-without-empty-cache",
  section: "3.3",
  severity: "warning",
  fix: "safe",
  summary: "`del` of a GPU object without `torch.cuda.empty_cache()` after it",
  docs,
  check(context) {
    const { notebook } = context;
    if (!importsModule(notebook, "torch") || !mentionsGpu(notebook)) return;
    // The `del` keyword as a word (`"del"` alone is in every `model`).
    const dels = findAllContaining(notebook, /\bdel\b/, DEL_STATEMENT);
    if (dels.length === 0) return;
    const torch = preferredAlias(notebook, "torch");
    const hasGc = preferredAlias(notebook, "gc") === "gc";

    for (const del of dels) {
      const names = deletedNames(del, notebook.source);
      if (!names.some((name) => isGpuObject(notebook.source, name))) continue;
      // The statements after it lie after it in the source: no `empty_cache(` there, none of them calls it.
      const enclosing = enclosingStatements(del);
      if (notebook.source.includes("empty_cache(", endOf(del)) && emptiedAfter(del, enclosing)) continue;
      const after = insertionPoint(del, enclosing);
      const where = after === del ? "after it" : `after the loop that holds it (line ${notebook.lineOf(startOf(after))})`;
      const message = `\`del ${names.join(", ")}\` keeps the GPU memory reserved; call \`torch.cuda.empty_cache()\` ${where}`;
      const ownLine = notebook.source.slice(lineStartOf(notebook.source, startOf(del)), startOf(del)).trim() === "";
      const sharesLine = /;\s*\S/.test(notebook.source.slice(startOf(del), notebook.source.indexOf("\n", startOf(del)) >>> 0));
      if (!torch || !ownLine || sharesLine) {
        context.report({ node: del, message: torch ? `${message} (the \`del\` shares its line with other code: not fixed)` : `${message} (import torch to fix)` });
        continue;
      }
      const code = `${hasGc ? "gc.collect()\n" : ""}${torch}.cuda.empty_cache()`;
      context.report({
        node: del,
        message,
        fix: { description: `Insert \`${torch}.cuda.empty_cache()\` after \`${after === del ? "del" : "the loop"}\``, edits: [insertLinesAfter(notebook, after, code)] },
      });
    }
  },
});

/** `del a, b` written plainly: the names are read from the text. */
const PLAIN_DEL = /^del[ \t]+([A-Za-z_][A-Za-z0-9_]*(?:[ \t]*,[ \t]*[A-Za-z_][A-Za-z0-9_]*)*)$/;
/** Words that tree-sitter may read as something other than a name (keywords, Python 2 statements). */
const NOT_PLAIN_NAMES = new Set(
  "False None True and as assert async await break case class continue def del elif else except exec finally for from global if import in is lambda match nonlocal not or pass print raise return try type while with yield".split(" "),
);

/** The names a `del` removes (not `del x.attr` or `del x[key]`). */
function deletedNames(del: PyNode, source: string): string[] {
  const plain = PLAIN_DEL.exec(source.slice(startOf(del), endOf(del)));
  if (plain) {
    const names = plain[1]!.split(",").map((name) => name.trim());
    if (!names.some((name) => NOT_PLAIN_NAMES.has(name))) return names;
  }
  return del
    .findAll({ rule: { kind: "identifier", not: { inside: { any: [{ kind: "attribute" }, { kind: "subscript" }] } } } })
    .map((n) => n.text());
}

/** Statements that hold a `del` in a block of theirs, and then go on to the statements after them. */
const COMPOUND = new Set(["if_statement", "try_statement", "with_statement"]);
/** Loops: after them too, but only once they are done. */
const LOOP = new Set(["for_statement", "while_statement"]);
/** What lies between such a statement and the `del`: its blocks and clauses. */
const CLAUSE = new Set(["block", "elif_clause", "else_clause", "except_clause", "finally_clause"]);

/**
 * The statements that hold the `del` and go on after it, innermost first, up to the function or
 * cell around it: the `if`/`try`/`with` statements and loops between them.
 */
function enclosingStatements(del: PyNode): PyNode[] {
  const statements: PyNode[] = [];
  for (let node = del.parent(); node; node = node.parent()) {
    const kind = String(node.kind());
    if (COMPOUND.has(kind) || LOOP.has(kind)) statements.push(node);
    else if (!CLAUSE.has(kind)) break;
  }
  return statements;
}

/**
 * Whether `torch.cuda.empty_cache()` runs after the `del`: in a statement after it in its block,
 * or after an `if`/`try`/`with` or loop that holds it (`if "model" in locals(): del model`
 * followed by an unconditional `empty_cache()`), up to the function or cell around it. The other
 * branches of an `if` do not count: they do not run after it.
 */
function emptiedAfter(del: PyNode, enclosing: readonly PyNode[]): boolean {
  const callsIt = (statement: PyNode) => statement.nextAll().some((sibling) => sibling.text().includes("empty_cache("));
  return callsIt(del) || enclosing.some(callsIt);
}

/**
 * Where `empty_cache()` goes: after the outermost loop that holds the `del`, else right after the
 * `del`. In a loop the next iteration reuses the blocks the `del` freed; returning them to the
 * driver on every step (a training loop's `del loss, outputs`) only makes the allocator ask for
 * them again, with a device synchronization each time.
 */
function insertionPoint(del: PyNode, enclosing: readonly PyNode[]): PyNode {
  let outermost: PyNode | undefined;
  for (const node of enclosing) if (LOOP.has(String(node.kind()))) outermost = node;
  return outermost ?? del;
}

function isGpuObject(source: string, name: string): boolean {
  if (GPU_NAME.test(name)) return true;
  // An assignment `name = ...torch./.cuda()/.to(...` anywhere in the notebook.
  const escaped = escapeRegex(name);
  const assignment = new RegExp(`(?:^|[\\s,(])${escaped}\\s*(?::[^=\\n]+)?=(?!=)([^\\n]*)`, "gm");
  for (const match of source.matchAll(assignment)) if (GPU_VALUE.test(match[1] ?? "")) return true;
  return false;
}
