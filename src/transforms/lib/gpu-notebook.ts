// What makes a notebook a GPU notebook, shared by the rules that ask "does this notebook use
// CUDA, and does it check for / monitor / test / benchmark the GPU?" (NVG001, NVG002, NVG004,
// NVT001, NVT002), and the few facts their fixes need: the notebook's global `torch` and `mo`,
// where new cells go, and the `device` a GPU detection cell defines.
//
// Everything is found with one or two native queries per notebook; JavaScript only looks at the
// few hits.
import { insertLinesBefore } from "../../engine/edits.js";
import type { TextEdit } from "../../engine/types.js";
import type { Dataflow } from "../../notebook/dataflow.js";
import { cellAt, type Cell, type Notebook } from "../../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { blankStringsAndComments } from "./cell-globals.js";
import { importsOf } from "./imports.js";
import { escapeRegex } from "./regex.js";

/** RAPIDS and CuPy: importing one of these means the notebook runs on an NVIDIA GPU. */
export const RAPIDS_MODULES: ReadonlySet<string> = new Set(["cudf", "cupy", "cuml", "cugraph", "cuspatial", "cucim", "dask_cudf", "cuxfilter"]);

/**
 * `torch.cuda.<member>` that do not need a GPU: checks, seeding (NVS001 writes
 * `torch.cuda.manual_seed_all` into every torch notebook), cache release (NVG003) and the
 * out-of-memory exception (NVE001). Using only these does not make a notebook a GPU notebook.
 */
const NOT_GPU_USE = new Set([
  "is_available",
  "device_count",
  "is_initialized",
  "manual_seed",
  "manual_seed_all",
  "seed",
  "seed_all",
  "empty_cache",
  "OutOfMemoryError",
]);

/** `"cuda"`, `'cuda:0'`, `r"cuda:1"`. */
const CUDA_LITERAL = "^[rRuUbBfF]{0,2}[\"']cuda(:[0-9]+)?[\"']$";
/** The literals a detection cell's `device` (`cuda:0`) can replace without changing the GPU. */
export const ROUTABLE_LITERAL = /^[rRuU]{0,2}["']cuda(:0)?["']$/;

/** Code inside an out-of-memory handler reacts to GPU use; it is not GPU use of its own. */
const NOT_IN_OOM_HANDLER = { not: { inside: { kind: "except_clause", regex: "OutOfMemoryError", stopBy: "end" } } };

export type CudaUseKind = "torch-cuda" | "method" | "literal" | "rapids";

export interface CudaUse {
  readonly kind: CudaUseKind;
  /** `torch.cuda.x` attribute, the `.cuda()` call, the string literal, or the import statement. */
  readonly node: PyNode;
  /** For messages, e.g. "`model.cuda()`", "`device=\"cuda\"`", "`import cudf`". */
  readonly label: string;
}

export interface GpuFacts {
  /** Local names bound to the `torch` module anywhere in the notebook. */
  readonly torchAliases: readonly string[];
  /** Whether anything is imported from torch. */
  readonly importsTorch: boolean;
  /** CUDA use, in source order (inside cells only). */
  readonly uses: readonly CudaUse[];
  /** `torch.cuda.is_available()` / `cupy.cuda.is_available()` / `is_available()` calls. */
  readonly checks: readonly PyNode[];
}

const cache = new WeakMap<Notebook, GpuFacts | undefined>();

/**
 * Whether the notebook's code uses CUDA (`"cuda"`, `.cuda()`, `torch.cuda.*`, RAPIDS), asks for
 * a GPU (`accelerator="gpu"`, `gpus=`) or names a GPU or device (`try_gpu()`, `.to(device)`,
 * `torch.accelerator`): a torch notebook that does neither runs on the CPU,
 * and rules about GPU memory leave it alone (a `del model` there needs no `empty_cache()`, nor
 * its training an OOM handler). Prose does not count: not "an edge device" in a markdown cell,
 * nor the "GPU requirements" of a docstring another fix inserted.
 */
export function mentionsGpu(notebook: Notebook): boolean {
  const source = notebook.source;
  if ((gpuFacts(notebook)?.uses.length ?? 0) > 0 || GPU_REQUEST.test(source)) return true;
  // A name in the code (`d2l.try_gpu()`, `get_device()`, `torch.accelerator`), not a word of a
  // string or comment.
  return CODE_HINT.test(source) && CODE_HINT.test(blankStringsAndComments(source, 0, source.length));
}
const CODE_HINT = /gpu|device|accelerator/i;
const GPU_REQUEST = /\baccelerator\s*=\s*["'](?:gpu|cuda|auto)["']|\bgpus\s*=\s*[-\d\[]|\bdevice_map\s*=/;

/** CUDA use in the notebook, or undefined when it uses none (checked cheaply first). */
export function gpuFacts(notebook: Notebook): GpuFacts | undefined {
  if (cache.has(notebook)) return cache.get(notebook);
  const facts = computeGpuFacts(notebook);
  cache.set(notebook, facts);
  return facts;
}

function computeGpuFacts(notebook: Notebook): GpuFacts | undefined {
  const source = notebook.source;
  if (!/cuda|cudf|cupy|cuml|cugraph|cuspatial|cucim|cuxfilter/.test(source)) return undefined;
  const imports = importsOf(notebook);
  const torchAliases = imports.filter((i) => i.attribute === undefined && i.module === "torch").map((i) => i.local);
  // `from torch import cuda`, `import torch.cuda as tc`.
  const cudaAliases = imports
    .filter((i) => (i.module === "torch" && i.attribute === "cuda") || (i.module === "torch.cuda" && i.attribute === undefined && i.local !== "torch"))
    .map((i) => i.local);
  const importsTorch = imports.some((i) => i.module === "torch" || i.module.startsWith("torch."));

  const uses: CudaUse[] = [];
  for (const i of imports) {
    const top = i.module.split(".")[0]!;
    const fromTorchCuda = i.attribute !== undefined && (i.module === "torch.cuda" || i.module.startsWith("torch.cuda.")) && !NOT_GPU_USE.has(i.attribute);
    if (RAPIDS_MODULES.has(top) || fromTorchCuda) {
      if (!inCell(notebook, i.node) || uses.some((u) => u.node.id() === i.node.id())) continue;
      uses.push({ kind: RAPIDS_MODULES.has(top) ? "rapids" : "torch-cuda", node: i.node, label: `\`${oneLine(i.node.text())}\`` });
    }
  }

  const any: Matcher["rule"][] = [
    { kind: "attribute", has: { field: "attribute", regex: "^cuda$" } },
    { kind: "string", regex: CUDA_LITERAL },
  ];
  if (cudaAliases.length > 0) {
    any.push({ kind: "attribute", has: { field: "object", kind: "identifier", regex: `^(${cudaAliases.map(escapeRegex).join("|")})$` } });
  }
  const matcher: Matcher = { rule: { any, ...NOT_IN_OOM_HANDLER } as Matcher["rule"] };
  const torch = new Set(torchAliases);
  const cudaNames = new Set(cudaAliases);
  for (const node of notebook.root.root().findAll(matcher)) {
    if (!inCell(notebook, node)) continue;
    const use = classify(node, torch, cudaNames);
    if (use) uses.push(use);
  }
  uses.sort((a, b) => startOf(a.node) - startOf(b.node));

  const checks: PyNode[] = [];
  if (source.includes("is_available")) {
    const fromTorchCuda = new Set(imports.filter((i) => i.attribute === "is_available" && i.module.endsWith("cuda")).map((i) => i.local));
    for (const call of notebook.root.root().findAll(CHECK_CALL)) {
      const fn = call.field("function")?.text().replace(/\s+/g, "") ?? "";
      if (/(^|\.)cuda\.is_available$/.test(fn) || fromTorchCuda.has(fn)) checks.push(call);
    }
  }
  return { torchAliases, importsTorch, uses, checks };
}

/**
 * The use a notebook-level diagnostic points at: the first one outside the cells that check
 * `is_available()` (a detection cell's own `torch.device("cuda:0")` is not the work to time or
 * test), preferring work placed on the GPU, else the first one.
 */
export function primaryUse(notebook: Notebook, facts: GpuFacts): CudaUse {
  const checking = new Set(facts.checks.map((c) => cellAt(notebook, startOf(c))?.index));
  const outside = facts.uses.filter((u) => !checking.has(cellAt(notebook, startOf(u.node))?.index));
  // Work placed on the GPU (`.cuda()`, a "cuda" device, RAPIDS) before queries such as `torch.cuda.get_device_properties`.
  return outside.find((u) => u.kind !== "torch-cuda") ?? outside[0] ?? facts.uses[0]!;
}

const CHECK_CALL: Matcher = { rule: { kind: "call", has: { field: "function", regex: "is_available$" } } };

function classify(node: PyNode, torch: ReadonlySet<string>, cudaNames: ReadonlySet<string>): CudaUse | undefined {
  const kind = node.kind();
  const parent = node.parent();
  if (kind === "string") {
    const parentKind = parent?.kind();
    // Comparisons, docstrings, keys, and option lists (`mo.ui.dropdown(["cpu", "cuda"])`) are not GPU use.
    if (!parent || parentKind === "comparison_operator" || parentKind === "expression_statement" || parentKind === "subscript") return undefined;
    if (parentKind === "list" || parentKind === "tuple" || parentKind === "set") return undefined;
    if (parentKind === "pair" && parent.field("key")?.id() === node.id()) return undefined;
    return { kind: "literal", node, label: `\`${literalContext(node, parent)}\`` };
  }
  const object = node.field("object")?.text() ?? "";
  const attribute = node.field("attribute")?.text() ?? "";
  // `torch.cuda` or `cuda.<member>` (cuda imported from torch): the member decides.
  const viaTorch = attribute === "cuda" && torch.has(object);
  const viaAlias = cudaNames.has(object);
  if (viaTorch || viaAlias) {
    const memberNode = viaTorch ? (parent?.kind() === "attribute" ? parent : undefined) : node;
    const member = viaTorch ? memberNode?.field("attribute")?.text() : attribute;
    if (member && NOT_GPU_USE.has(member)) return undefined;
    const shownNode = memberNode ?? node;
    const called = shownNode.parent()?.kind() === "call" && shownNode.parent()?.field("function")?.id() === shownNode.id();
    return { kind: "torch-cuda", node: shownNode, label: `\`${oneLine(shownNode.text())}${called ? "()" : ""}\`` };
  }
  // `x.cuda(...)`: a method call on a tensor or module.
  if (attribute === "cuda" && parent?.kind() === "call" && parent.field("function")?.id() === node.id()) {
    const receiver = object.length <= 30 && !object.includes("\n") ? object : "";
    return { kind: "method", node: parent, label: `\`${receiver}.cuda()\`` };
  }
  return undefined;
}

/** `device="cuda"`, `.to("cuda")`, `torch.device("cuda")`, or the bare literal. */
function literalContext(literal: PyNode, parent: PyNode): string {
  if (parent.kind() === "keyword_argument") return `${parent.field("name")?.text() ?? ""}=${literal.text()}`;
  const call = parent.kind() === "argument_list" ? parent.parent() : undefined;
  const fn = call?.field("function");
  if (!fn) {
    // `device = "cuda" if torch.cuda.is_available() else "cpu"`: the whole line when it is short.
    const statement = literal.ancestors().find((a) => a.kind() === "expression_statement" || a.kind() === "return_statement");
    const text = statement?.text() ?? "";
    return text.length > 0 && text.length <= 70 && !text.includes("\n") ? text : literal.text();
  }
  const text = fn.text();
  if (fn.kind() === "identifier" || (/^\w+\.\w+$/.test(text) && !text.startsWith("self."))) return `${text}(${literal.text()})`;
  if (fn.kind() === "attribute") return `.${fn.field("attribute")?.text() ?? ""}(${literal.text()})`;
  return literal.text();
}

function inCell(notebook: Notebook, node: PyNode): boolean {
  const cell = cellAt(notebook, startOf(node));
  return cell !== undefined && cell.kind !== "unparsable";
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= 60 ? flat : `${flat.slice(0, 57)}...`;
}

// --- names visible to a new cell ------------------------------------------------------------

/** Whether `name` is bound at the top level of the setup cell or of a regular cell. */
export function isGlobal(flow: Dataflow, name: string): boolean {
  return flow.setupNames.has(name) || flow.definers.has(name);
}

/** Whether a new cell may define `name`: no cell defines or reads it. */
export function isFreeName(flow: Dataflow, name: string): boolean {
  return !flow.setupNames.has(name) && !flow.definers.has(name) && !flow.topLevelNames.has(name) && !flow.usedRefs.has(name);
}

/**
 * The local name a new cell should use for `module` (`torch`, `mo`): bound to the module
 * itself at the top level of the setup cell or of one regular cell (not inside a function). Prefers the setup cell,
 * then the module's own or conventional name.
 */
export function globalAlias(notebook: Notebook, flow: Dataflow, module: string, conventional = module): string | undefined {
  const candidates: Array<{ name: string; rank: number }> = [];
  for (const i of importsOf(notebook)) {
    if (i.attribute !== undefined || i.module !== module) continue;
    // Anywhere at the cell's top level (also inside `try:`/`if`), not inside a function.
    const cell = ownerCell(notebook, i.node);
    if (!cell || insideDefinition(i.node, cell)) continue;
    if (cell.kind === "setup" && flow.setupNames.has(i.local)) candidates.push({ name: i.local, rank: i.local === conventional ? 0 : 1 });
    else if (cell.kind === "cell" && flow.definers.get(i.local)?.length === 1 && flow.definers.get(i.local)![0] === cell.index) {
      candidates.push({ name: i.local, rank: i.local === conventional ? 2 : 3 });
    }
  }
  return candidates.sort((a, b) => a.rank - b.rank)[0]?.name;
}

/** Whether `node` sits inside a `def` or `class` of its cell (not at the cell's top level). */
function insideDefinition(node: PyNode, cell: Cell): boolean {
  const stop = cell.definition?.id();
  for (const ancestor of node.ancestors()) {
    if (ancestor.id() === stop) return false;
    if (ancestor.kind() === "function_definition" || ancestor.kind() === "class_definition") return true;
  }
  return false;
}

function ownerCell(notebook: Notebook, node: PyNode): Cell | undefined {
  const at = startOf(node);
  return notebook.cells.find((c) => (c.kind === "cell" || c.kind === "setup") && c.start <= at && endOf(node) <= c.end);
}

export interface MarimoAlias {
  readonly alias: string;
  /** `import marimo as mo` inserted before the notebook's first top-level `import torch`. */
  readonly edit: TextEdit | undefined;
  /** The cell that gets the import (so a new cell that reads `mo` depends on it). */
  readonly cell: Cell | undefined;
}

/**
 * The name new cells call marimo by. When no cell imports marimo, `import marimo as mo` goes
 * right before the first top-level `import torch`, the place NVE001 uses too, so that fixes of
 * several rules in one pass collide there (the fix loop applies one of them per pass) instead
 * of importing marimo twice. A string explains why there is none.
 */
export function marimoAlias(notebook: Notebook, flow: Dataflow): MarimoAlias | string {
  const alias = globalAlias(notebook, flow, "marimo", "mo");
  if (alias) return { alias, edit: undefined, cell: undefined };
  if (!isFreeName(flow, "mo")) return "`mo` is taken by something other than a marimo import";
  const torchImport = importsOf(notebook).find((i) => {
    if (i.attribute !== undefined || i.module !== "torch") return false;
    const owner = ownerCell(notebook, i.node);
    return owner !== undefined && owner.statements.some((s) => s.id() === i.node.id());
  });
  if (!torchImport) return "no cell imports marimo as `mo` (add `import marimo as mo` to the imports cell)";
  const cell = ownerCell(notebook, torchImport.node)!;
  return { alias: "mo", edit: insertLinesBefore(notebook, torchImport.node, "import marimo as mo"), cell };
}

// --- placement ----------------------------------------------------------------------------------

export interface Placement {
  readonly anchor: Cell;
  readonly where: "before" | "after";
}

const MARKDOWN_STATEMENT = /^[\p{L}_][\p{L}\p{N}_]*\.md\s*\(/u;

function isMarkdownCell(cell: Cell): boolean {
  return cell.statements.length > 0 && cell.statements.every((s) => s.kind() === "expression_statement" && MARKDOWN_STATEMENT.test(s.text()));
}

/**
 * Right after the last of `importCells` (regular cells); when the imports are all in the setup
 * cell, before the first regular cell that is not markdown; else after the last cell.
 */
export function placeAfterImports(notebook: Notebook, importCells: readonly number[]): Placement {
  const regular = importCells.filter((i) => notebook.cells[i]?.kind === "cell");
  if (regular.length > 0) return { anchor: notebook.cells[Math.max(...regular)]!, where: "after" };
  const first = notebook.cells.find((c) => c.kind === "cell" && !isMarkdownCell(c));
  if (first) return { anchor: first, where: "before" };
  return { anchor: notebook.cells[notebook.cells.length - 1]!, where: "after" };
}

// --- the GPU detection cell ---------------------------------------------------------------------

/**
 * Whether an `is_available()` check protects the notebook: it feeds a name other cells can read
 * (`device = "cuda" if torch.cuda.is_available() else "cpu"`, a detection cell that defines
 * `device`), or sits in the setup cell, a top-level function or a helper function. A check in a
 * cell that defines nothing (a memory monitor or self-test guarding only itself) does not: no
 * GPU cell waits for it.
 */
export function isEffectiveCheck(notebook: Notebook, flow: () => Dataflow, check: PyNode): boolean {
  const cell = cellAt(notebook, startOf(check));
  if (!cell || cell.kind === "unparsable") return false;
  if (cell.kind !== "cell") return true;
  const stop = cell.definition?.id();
  let previous: PyNode = check;
  for (const ancestor of check.ancestors()) {
    if (ancestor.id() === stop) break;
    const kind = ancestor.kind();
    if (kind === "function_definition" || kind === "lambda") return true;
    // `device = ... torch.cuda.is_available() ...` at the top level defines a public name.
    if (kind === "assignment" && ancestor.field("right")?.id() === previous.id()) {
      const left = ancestor.field("left");
      if (left?.kind() === "identifier" && !left.text().startsWith("_")) return true;
    }
    previous = ancestor;
  }
  return (flow().variables.get(cell.index)?.defs.size ?? 0) > 0;
}

/**
 * The `device` a GPU detection cell defines: a public `NAME = torch.device("cuda...")` at the
 * top level of a regular cell that checks `is_available()` and calls `.stop(` (so every cell
 * reading NAME waits for the check and is skipped without a GPU).
 */
export function detectionDevice(notebook: Notebook, flow: Dataflow, facts: GpuFacts): { name: string; cell: Cell } | undefined {
  const torch = new Set(facts.torchAliases);
  for (const check of facts.checks) {
    const cell = cellAt(notebook, startOf(check));
    if (!cell || cell.kind !== "cell" || !notebook.source.slice(cell.start, cell.end).includes(".stop(")) continue;
    for (const statement of cell.statements) {
      const assignment = statement.kind() === "expression_statement" ? statement.namedChildren()[0] : undefined;
      if (assignment?.kind() !== "assignment") continue;
      const left = assignment.field("left");
      const right = assignment.field("right");
      if (left?.kind() !== "identifier" || right?.kind() !== "call") continue;
      const fn = right.field("function")?.text() ?? "";
      const [owner, member] = fn.split(".");
      if (member !== "device" || !owner || !torch.has(owner)) continue;
      if (!/^\(\s*[rRuU]{0,2}["']cuda/.test(right.field("arguments")?.text() ?? "")) continue;
      const name = left.text();
      if (name.startsWith("_") || flow.definers.get(name)?.length !== 1) continue;
      return { name, cell };
    }
  }
  return undefined;
}
