// Heavy GPU work in a notebook (NVE001): training steps, large CUDA allocations, generation,
// batched inference, and calls of notebook functions that do any of these; and whether an
// out-of-memory handler already guards it. Candidates are found with native ast-grep queries;
// only the few hits are walked up from JavaScript.
import type { Cell, Notebook } from "../../notebook/model.js";
import { cellAt, findAllContaining } from "../../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { cellsAt, findAllInCells } from "./candidate-cells.js";
import { mayOpenCall, methodCallOffsets, offsetsWhere } from "./nvp-helpers.js";
import { escapeRegex } from "./regex.js";

/** What makes a piece of code heavy. */
/** `generation` is `model.generate(...)`; `pipeline` is a call of a diffusers/transformers pipeline. */
export type GpuWorkKind = "training" | "allocation" | "generation" | "pipeline" | "inference";

export interface GpuWork {
  /** The call that does the work (for a notebook function, the call of that function). */
  readonly node: PyNode;
  readonly cell: Cell;
  /** Kinds of work behind the call (several for a notebook function that does several). */
  readonly kinds: ReadonlySet<GpuWorkKind>;
  /** A short description for messages, e.g. "`loss.backward()` (training)". */
  readonly label: string;
  /**
   * The innermost enclosing `try` whose handler catches the out-of-memory error first (a broad
   * `except Exception`, `except RuntimeError`, bare `except`) only to raise again, when no
   * outer `try` of the cell handles what it raises.
   */
  readonly swallowedBy: PyNode | undefined;
}

export interface HeavyFunction {
  readonly name: string;
  readonly kinds: ReadonlySet<GpuWorkKind>;
  /** Whether the function has a `return <value>` (its call's value may be displayed). */
  readonly returnsValue: boolean;
}

export interface GpuWorkAnalysis {
  /** Unguarded heavy work at the top level of regular cells (outside any `def`), by cell index. */
  readonly byCell: ReadonlyMap<number, readonly GpuWork[]>;
  /** Notebook functions that do unguarded heavy work, by name (private names keyed `index:name`). */
  readonly functions: ReadonlyMap<string, HeavyFunction>;
}

/** Elements from which a CUDA allocation with literal sizes counts as large (256 MB in float32). */
export const LARGE_ALLOCATION_ELEMENTS = 2 ** 26;

const ALLOCATORS = new Set(["randn", "rand", "zeros", "ones", "empty", "full", "randint"]);
/** Allocators whose positional arguments are not the sizes (sizes come as a tuple). */
const TUPLE_SIZED = new Set(["full", "randint"]);

/**
 * `pattern` matching letters in any case, as the native matcher's `(?i)` does (Unicode simple
 * case folding adds `ſ` to s and the Kelvin sign to k), without the cost of building a
 * case-insensitive Unicode regex on every query.
 */
function caseless(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else if (/[a-zA-Z]/.test(c)) {
      const lower = c.toLowerCase();
      out += `[${lower.toUpperCase()}${lower}${lower === "s" ? "\u017f" : lower === "k" ? "\u212a" : ""}]`;
    } else out += c;
  }
  return out;
}

const MODEL_NAME = caseless("(model|^net$|^net_|_net$|network|encoder|decoder|classifier|backbone|unet|vae|resnet|bert|gpt|llm|transformer)");
const LOADER = caseless("(loader|batches|(^|_)dl\\b)");
const NO_GRAD = "(no_grad|inference_mode)\\s*\\(";

// Training steps: `X.backward(...)`, `X.step(...)` on an optimizer or scaler, `X.train(...)` /
// `X.fit(...)` on a trainer; generation: `X.generate(...)`. Tested in JS (`methodWork`), on
// the method calls of the cells that write one of these methods.
const STEPPER = new RegExp(caseless("(optim|scaler|^opt$|^opt_|_opt$)"));
const TRAINER = new RegExp(caseless("trainer"));

/** Any call with `num_inference_steps=` is a diffusion pipeline call. */
const DIFFUSION: Matcher = {
  rule: {
    kind: "call",
    has: { field: "arguments", has: { kind: "keyword_argument", has: { field: "name", regex: "^num_inference_steps$" } } },
  },
};

/** `pipe = StableDiffusionPipeline.from_pretrained(...)`, `gen = pipeline("text-generation")`. */
const PIPELINE_ASSIGNMENT: Matcher = {
  rule: {
    kind: "assignment",
    all: [
      { has: { field: "left", kind: "identifier" } },
      { has: { field: "right", regex: "Pipeline|\\bpipeline\\s*\\(" } },
    ],
  },
};

/** Names bound to a model on the device: `net = Net().to(device)`, `m = AutoModel.from_pretrained(...)`. */
const MODEL_ASSIGNMENT: Matcher = {
  rule: {
    kind: "assignment",
    all: [
      { has: { field: "left", kind: "identifier" } },
      { has: { field: "right", regex: "\\.to\\(|\\.cuda\\(|from_pretrained\\(|\\.eval\\(\\)" } },
    ],
  },
};

const COMPREHENSIONS = ["list_comprehension", "generator_expression", "set_comprehension", "dictionary_comprehension"];

function inferenceMatcher(modelNames: readonly string[]): Matcher {
  const callee = modelNames.length > 0 ? `${MODEL_NAME}|^(${modelNames.map(escapeRegex).join("|")})$` : MODEL_NAME;
  return {
    rule: {
      kind: "call",
      has: {
        field: "function",
        any: [
          { kind: "identifier", regex: callee },
          { kind: "attribute", has: { field: "attribute", regex: MODEL_NAME } },
        ],
      },
      all: [
        {
          inside: {
            stopBy: "end",
            any: [
              { kind: "for_statement", has: { field: "right", regex: LOADER } },
              {
                any: COMPREHENSIONS.map((kind) => ({ kind })),
                has: { kind: "for_in_clause", has: { field: "right", regex: LOADER } },
              },
            ],
          },
        },
        {
          inside: {
            stopBy: "end",
            any: [
              { kind: "with_statement", has: { kind: "with_clause", regex: NO_GRAD } },
              { kind: "decorated_definition", has: { kind: "decorator", regex: NO_GRAD } },
            ],
          },
        },
      ],
    },
  } as Matcher;
}

function allocationMatcher(torchAliases: readonly string[]): Matcher {
  return {
    rule: {
      kind: "call",
      has: { field: "function", regex: `^(${torchAliases.map(escapeRegex).join("|")})\\.(${[...ALLOCATORS].join("|")})$` },
    },
  };
}

function callMatcher(names: readonly string[]): Matcher {
  return {
    rule: {
      kind: "call",
      has: { field: "function", regex: `^(self\\.)?(${names.map(escapeRegex).join("|")})$` },
    },
  };
}

// --- guards --------------------------------------------------------------------------------

export type TryVerdict = "handled" | "reraise" | "narrow";

/** The exception part of an `except` clause (`except (A, B) as e`), without the body. */
function clauseHead(clause: PyNode): string {
  const block = clause.children().find((c) => c.kind() === "block");
  return block ? clause.text().slice(0, startOf(block) - startOf(clause)) : clause.text();
}

/** The `except` clauses of a `try` statement, in order. */
export function exceptClauses(tryNode: PyNode): PyNode[] {
  return tryNode.children().filter((c) => c.kind() === "except_clause" || c.kind() === "except_group_clause");
}

/**
 * Built-in classes above `torch.cuda.OutOfMemoryError` (a `RuntimeError`), written alone or in
 * a tuple; a qualified name (`errors.Exception`) is some other class.
 */
const BROAD_EXCEPTION = /(?<![\w.])(BaseException|Exception|RuntimeError)\b/;

/** Whether a handler's own statements (not a branch of them) include a `raise`. */
function raisesAgain(clause: PyNode): boolean {
  const block = clause.children().find((c) => c.kind() === "block");
  return block?.children().some((c) => c.kind() === "raise_statement") ?? false;
}

/**
 * What a `try` does with an out-of-memory error raised in its body. The first handler that
 * catches it decides: one naming it (`except torch.cuda.OutOfMemoryError`, `except
 * torch.OutOfMemoryError`, alone or in a tuple) or a broad one that checks for "out of memory"
 * handles it; any other broad one (bare `except`, `Exception`, `BaseException`, `RuntimeError`,
 * alone or in a tuple) is the author's own fallback, and handles it too, unless it raises again
 * (`raise`, `raise ... from e`) as one of its own statements: that is no fallback. Without such
 * a handler the error goes through.
 */
export function tryVerdict(tryNode: PyNode): TryVerdict {
  for (const clause of exceptClauses(tryNode)) {
    const head = clauseHead(clause).replace(/^except\*?/, "").replace(/\bas\s+\w+\s*:?\s*$/, "").replace(/:\s*$/, "");
    if (/\bOutOfMemoryError\b/.test(head)) return "handled";
    if (head.trim() !== "" && !BROAD_EXCEPTION.test(head)) continue;
    if (/out of memory/i.test(clause.text())) return "handled";
    return raisesAgain(clause) ? "reraise" : "handled";
  }
  return "narrow";
}

interface Location {
  readonly guarded: boolean;
  readonly swallowedBy: PyNode | undefined;
  /** The outermost `def` around the node inside its cell, if any. */
  readonly outerFunction: PyNode | undefined;
  /** Inside a lambda or a class body: the work cannot be tied to a call site. */
  readonly opaque: boolean;
}

const NOWHERE: Location = { guarded: false, swallowedBy: undefined, outerFunction: undefined, opaque: false };

/**
 * Whether a node at `at` may sit in a `try`, a nested `def`, a lambda or a class of its cell:
 * each starts with its keyword, which then lies between the cell's start and `at`. A regular
 * or `@app.function` cell's own `def` is one `def` there.
 */
function mayBeNested(source: string, cell: Cell, at: number): boolean {
  if (cell.kind !== "cell" && cell.kind !== "function") return true;
  const before = source.slice(cell.start, at);
  const def = before.indexOf("def");
  return def === -1 || before.indexOf("def", def + 1) !== -1 || /try|lambda|class/.test(before);
}

/** Walks from a node up to its cell's definition, looking for guards and enclosing functions. */
function locate(node: PyNode, cell: Cell, source: string): Location {
  if (!mayBeNested(source, cell, startOf(node))) return NOWHERE;
  const stop = cell.definition?.id();
  let guardSettled = false;
  let guarded = false;
  let swallowedBy: PyNode | undefined;
  let outerFunction: PyNode | undefined;
  let opaque = false;
  let previous = node;
  for (const ancestor of node.ancestors()) {
    if (ancestor.id() === stop) break;
    const kind = ancestor.kind();
    if (kind === "try_statement" && !guardSettled && previous.kind() === "block") {
      const verdict = tryVerdict(ancestor);
      if (verdict === "handled") {
        guarded = true;
        guardSettled = true;
      } else if (verdict === "reraise") {
        // What the handler raises may still meet an outer `try` that handles it.
        swallowedBy ??= ancestor;
      }
    } else if (kind === "function_definition") {
      guardSettled = true;
      outerFunction = ancestor;
    } else if (kind === "lambda" || kind === "class_definition") {
      guardSettled = true;
      opaque = true;
    }
    previous = ancestor;
  }
  return { guarded, swallowedBy, outerFunction, opaque };
}

// --- sizes ---------------------------------------------------------------------------------

function intValue(node: PyNode | null | undefined): number | undefined {
  if (!node) return undefined;
  switch (node.kind()) {
    case "integer": {
      const text = node.text().replace(/_/g, "").toLowerCase();
      const value = /^0[xob]/.test(text) ? Number(text) : Number.parseInt(text, 10);
      return Number.isFinite(value) ? value : undefined;
    }
    case "parenthesized_expression":
      return intValue(node.namedChildren()[0]);
    case "binary_operator": {
      const left = intValue(node.field("left"));
      const right = intValue(node.field("right"));
      const op = node.field("operator")?.text();
      if (left === undefined || right === undefined) return undefined;
      if (op === "*") return left * right;
      if (op === "**") return left ** right;
      if (op === "<<") return left * 2 ** right;
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * An upper bound on what `allocationElements` can compute for a call with this text, when the
 * text has no `**` or `<<`: the product of every integer literal in it (each at least 1).
 */
function literalProductBound(text: string): number {
  let bound = 1;
  for (const match of text.matchAll(/(?<![A-Za-z0-9_])[0-9][0-9A-Za-z_]*/g)) {
    const literal = match[0].replace(/_/g, "").toLowerCase();
    const value = /^0[xob]/.test(literal) ? Number(literal) : Number.parseInt(literal, 10);
    if (Number.isFinite(value) && value > 1) bound *= value;
  }
  return bound;
}

function product(nodes: readonly PyNode[]): number | undefined {
  let total = 1;
  for (const n of nodes) {
    const v = intValue(n);
    if (v === undefined) return undefined;
    total *= v;
  }
  return nodes.length > 0 ? total : undefined;
}

function sequenceSize(node: PyNode | undefined): number | undefined {
  if (!node) return undefined;
  const kind = node.kind();
  if (kind === "tuple" || kind === "list") return product(node.namedChildren().filter((c) => c.kind() !== "comment"));
  return intValue(node);
}

/** Number of elements a `torch.randn(...)`-style call allocates, when its sizes are literals. */
export function allocationElements(call: PyNode, allocator: string): number | undefined {
  const args = call.field("arguments")?.namedChildren().filter((c) => c.kind() !== "comment") ?? [];
  const positional = args.filter((a) => a.kind() !== "keyword_argument");
  const size = args.find((a) => a.kind() === "keyword_argument" && a.field("name")?.text() === "size");
  if (size) return sequenceSize(size.field("value") ?? undefined);
  const sequence = positional.find((a) => a.kind() === "tuple" || a.kind() === "list");
  if (TUPLE_SIZED.has(allocator) || sequence) return sequenceSize(sequence);
  return product(positional);
}

/** Whether an allocation call lands on the GPU: `device="cuda"`, `device=device`, `.cuda()`, `.to(...)`. */
function onGpu(call: PyNode): boolean {
  const args = call.field("arguments")?.namedChildren() ?? [];
  const device = args.find((a) => a.kind() === "keyword_argument" && a.field("name")?.text() === "device");
  if (device) {
    const value = device.field("value");
    if (!value) return false;
    if (value.kind() === "string") return /^[rRuUbBfF]*["']cuda/.test(value.text());
    if (value.kind() === "integer") return true;
    return !/cpu|mps/i.test(value.text());
  }
  const parent = call.parent();
  if (parent?.kind() !== "attribute") return false;
  const method = parent.field("attribute")?.text();
  const chained = parent.parent();
  if (chained?.kind() !== "call") return false;
  if (method === "cuda") return true;
  if (method === "to") return !/cpu|mps|dtype=|torch\.(float|half|bfloat|int)/i.test(chained.field("arguments")?.text() ?? "");
  return false;
}

// --- labels --------------------------------------------------------------------------------

const KIND_WORDS: Record<GpuWorkKind, string> = {
  training: "training",
  allocation: "large GPU allocation",
  generation: "generation",
  pipeline: "generation",
  inference: "batched inference",
};

function shortCall(call: PyNode): string {
  const fn = call.field("function")?.text() ?? call.text();
  const args = call.field("arguments")?.text() ?? "()";
  const inner = args.slice(1, -1);
  const shown = inner.trim() === "" ? "()" : inner.length <= 40 && !inner.includes("\n") ? args : "(...)";
  return `${fn.replace(/\s+/g, " ")}${shown}`;
}

function labelFor(call: PyNode, kinds: ReadonlySet<GpuWorkKind>, viaFunction: boolean): string {
  const words = [...new Set([...kinds].map((k) => KIND_WORDS[k]))].join(", ");
  return viaFunction ? `\`${shortCall(call)}\` (runs ${words})` : `\`${shortCall(call)}\` (${words})`;
}

// --- analysis ------------------------------------------------------------------------------

interface RawSite {
  readonly node: PyNode;
  readonly kinds: Set<GpuWorkKind>;
  readonly viaFunction: boolean;
}

function add(sites: Map<number, RawSite>, node: PyNode, kind: GpuWorkKind | ReadonlySet<GpuWorkKind>, viaFunction = false): void {
  const key = node.id();
  const site = sites.get(key) ?? { node, kinds: new Set<GpuWorkKind>(), viaFunction };
  if (typeof kind === "string") site.kinds.add(kind);
  else for (const k of kind) site.kinds.add(k);
  sites.set(key, site);
}

function returnsValue(fn: PyNode): boolean {
  return fn.findAll({ rule: { kind: "return_statement", regex: "^return\\s*[^\\s;]" } }).length > 0;
}

/** Calls whose function is an attribute: the method is checked in JS (native regexes cost more to build). */
const METHOD_CALLEE: Matcher = { rule: { kind: "attribute", inside: { kind: "call", field: "function" } } };
const TRAINING_METHOD = /(backward|step|train|fit)$/;

/**
 * The training and generation calls of the cells that write `.backward(`, `.step(`, `.train(`,
 * `.fit(` or `.generate(`, each in source order (as a native query would find them).
 */
function methodWork(notebook: Notebook): { training: PyNode[]; generation: PyNode[] } {
  const source = notebook.source;
  const training: PyNode[] = [];
  const generation: PyNode[] = [];
  const words = ["backward", "step", "train", "fit", "generate"].filter((w) => source.includes(w));
  for (const cell of cellsAt(notebook, methodCallOffsets(source, words))) {
    for (const callee of cell.node.findAll(METHOD_CALLEE)) {
      const text = callee.text();
      const isGenerate = text.endsWith("generate");
      if (!isGenerate && !TRAINING_METHOD.test(text)) continue;
      const method = callee.field("attribute")?.text();
      if (method === "generate") generation.push(callee.parent()!);
      else if (method === "backward") training.push(callee.parent()!);
      else if (method === "step" || method === "train" || method === "fit") {
        const object = callee.field("object")?.text();
        if (object !== undefined && (method === "step" ? STEPPER : TRAINER).test(object)) training.push(callee.parent()!);
      }
    }
  }
  return { training, generation };
}

/**
 * Offsets of the allocator calls (`torch.randn(...)`) that may allocate at least
 * LARGE_ALLOCATION_ELEMENTS by their literal sizes: the bound below, computed on the call's
 * text when its parentheses can be matched from the text alone (no string, comment or `\`
 * inside), else assumed.
 */
function largeAllocationOffsets(source: string, torchAliases: readonly string[]): number[] {
  const written = new RegExp(`(?<![A-Za-z0-9_.])(?:${torchAliases.map(escapeRegex).join("|")})\\.(?:${[...ALLOCATORS].join("|")})(?![A-Za-z0-9_])`, "g");
  // The test is a module-level function: an arrow function with this body, made per call, lost
  // its optimized code at every forced collection (see notebook/shapes.ts).
  return offsetsWhere(source, written, (start, end) => isLargeAllocation(source, start, end));
}

/** Whether the allocation written at `start`..`end` may be large (see `largeAllocationOffsets`). */
function isLargeAllocation(source: string, start: number, end: number): boolean {
  if (!mayOpenCall(source, end)) return false;
  let open = end;
  while (source[open] === " " || source[open] === "\t") open++;
  if (source[open] !== "(") return true;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (--depth === 0) {
        const text = source.slice(start, i + 1);
        return /\*\*|<</.test(text) || literalProductBound(text) >= LARGE_ALLOCATION_ELEMENTS;
      }
    } else if (c === '"' || c === "'" || c === "#" || c === "\\") return true;
  }
  return true;
}

/** Offsets of each occurrence of the names in the source. */
function nameOffsets(source: string, names: Iterable<string>): number[] {
  const offsets: number[] = [];
  for (const name of names) {
    for (let i = source.indexOf(name); i !== -1; i = source.indexOf(name, i + 1)) offsets.push(i);
  }
  return offsets;
}

/**
 * Finds unguarded heavy GPU work. `torchAliases` are the local names bound to `torch`
 * (for allocations); the other kinds are recognised by shape.
 *
 * Work outside cells is never reported, so the queries for work search only the cells whose
 * text may hold some; the queries for names (pipelines, models) search the top-level
 * statements that may bind one.
 */
export function analyzeGpuWork(notebook: Notebook, torchAliases: readonly string[]): GpuWorkAnalysis {
  const source = notebook.source;
  const direct = new Map<number, RawSite>();
  // Each query needs its method or keyword in the text.
  const methods = methodWork(notebook);
  for (const node of methods.training) add(direct, node, "training");
  for (const node of methods.generation) add(direct, node, "generation");
  if (source.includes("num_inference_steps")) {
    for (const node of findAllInCells(cellsAt(notebook, nameOffsets(source, ["num_inference_steps"])), DIFFUSION)) add(direct, node, "pipeline");
  }

  const pipelines = new Set<string>();
  for (const a of findAllContaining(notebook, /[Pp]ipeline/, PIPELINE_ASSIGNMENT)) pipelines.add(a.field("left")!.text());
  if (pipelines.size > 0) {
    for (const node of findAllInCells(cellsAt(notebook, nameOffsets(source, pipelines)), callMatcher([...pipelines]))) add(direct, node, "pipeline");
  }

  if (torchAliases.length > 0) {
    for (const node of findAllInCells(cellsAt(notebook, largeAllocationOffsets(source, torchAliases)), allocationMatcher(torchAliases))) {
      // Most allocations are small: an upper bound on their literal sizes, from the text, rules them out.
      const text = node.text();
      if (!/\*\*|<</.test(text) && literalProductBound(text) < LARGE_ALLOCATION_ELEMENTS) continue;
      const allocator = node.field("function")!.text().split(".").pop()!;
      const elements = allocationElements(node, allocator);
      if (elements !== undefined && elements >= LARGE_ALLOCATION_ELEMENTS && onGpu(node)) add(direct, node, "allocation");
    }
  }

  if (/no_grad|inference_mode/.test(source)) {
    const models = new Set<string>();
    for (const a of findAllContaining(notebook, /\.to\(|\.cuda\(|from_pretrained\(|\.eval\(\)/, MODEL_ASSIGNMENT)) models.add(a.field("left")!.text());
    const cells = cellsAt(notebook, [...source.matchAll(/no_grad|inference_mode/g)].map((m) => m.index));
    for (const node of findAllInCells(cells, inferenceMatcher([...models]))) add(direct, node, "inference");
  }

  const byCell = new Map<number, GpuWork[]>();
  const functions = new Map<string, HeavyFunction>();
  const seen = new Set<number>();

  const consider = (sites: Iterable<RawSite>): boolean => {
    let grew = false;
    for (const site of sites) {
      if (seen.has(site.node.id())) continue;
      seen.add(site.node.id());
      const cell = cellAt(notebook, startOf(site.node));
      if (!cell || cell.kind === "unparsable" || !cell.definition) continue;
      const where = locate(site.node, cell, source);
      if (where.guarded || where.opaque) continue;
      let fn: PyNode | undefined = where.outerFunction;
      let name: string | undefined = fn?.field("name")?.text();
      if (cell.kind === "function") {
        fn = cell.definition;
        name = cell.name;
      } else if (cell.kind === "class") {
        continue;
      }
      if (fn && name) {
        const key = name.startsWith("_") && !name.startsWith("__") ? `${cell.index}:${name}` : name;
        const previous = functions.get(key);
        const kinds = new Set<GpuWorkKind>(previous?.kinds ?? []);
        for (const k of site.kinds) kinds.add(k);
        if (!previous || kinds.size !== previous.kinds.size) grew = true;
        functions.set(key, { name, kinds, returnsValue: previous?.returnsValue ?? returnsValue(fn) });
        continue;
      }
      if (cell.kind !== "cell") continue;
      const list = byCell.get(cell.index) ?? [];
      list.push({ node: site.node, cell, kinds: site.kinds, label: labelFor(site.node, site.kinds, site.viaFunction), swallowedBy: where.swallowedBy });
      byCell.set(cell.index, list);
    }
    return grew;
  };

  consider(direct.values());
  // Calls of heavy notebook functions are heavy too (a function calling one becomes heavy).
  for (let round = 0; round < 8 && functions.size > 0; round++) {
    const names = [...new Set([...functions.values()].map((f) => f.name))];
    const calls = new Map<number, RawSite>();
    // A call's function text is the name (or `self.name`): only the cells that hold a name.
    for (const node of findAllInCells(cellsAt(notebook, nameOffsets(source, names)), callMatcher(names))) {
      const callee = node.field("function")!.text().replace(/^self\./, "");
      const cell = cellAt(notebook, startOf(node));
      const fn = functions.get(callee) ?? (cell ? functions.get(`${cell.index}:${callee}`) : undefined);
      if (!fn) continue;
      if (isDefinitionOf(node, callee)) continue;
      add(calls, node, fn.kinds, true);
    }
    // Kinds can grow between rounds; recompute the sites of calls seen before.
    for (const site of calls.values()) {
      if (!seen.has(site.node.id())) continue;
      for (const list of byCell.values()) {
        const index = list.findIndex((w) => w.node.id() === site.node.id());
        if (index >= 0) list[index] = { ...list[index]!, kinds: site.kinds, label: labelFor(site.node, site.kinds, true) };
      }
    }
    if (!consider(calls.values())) break;
  }

  for (const list of byCell.values()) list.sort((a, b) => startOf(a.node) - startOf(b.node));
  return { byCell, functions };
}

/** A recursive call inside the function's own body is not a call site. */
function isDefinitionOf(call: PyNode, name: string): boolean {
  return call.ancestors().some((a) => a.kind() === "function_definition" && a.field("name")?.text() === name);
}

/** The statement among `statements` whose range contains `node`. */
export function statementIndexOf(statements: readonly PyNode[], node: PyNode): number {
  const s = startOf(node);
  const e = endOf(node);
  return statements.findIndex((st) => startOf(st) <= s && e <= endOf(st));
}
