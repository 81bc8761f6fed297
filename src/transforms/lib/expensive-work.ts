// What counts as "expensive work" in a cell: training loops, `.fit(`, model downloads,
// `pip install` through `subprocess`, generation loops. Shared by the rules that gate or guard
// such work (NVR003; NVE001 may reuse it).
//
// Two native queries per notebook (function definitions, then candidates: loops over epochs or
// denoising steps, calls with an interesting name, plain calls to functions the notebook
// defines) and a JS classifier for the few hits. Work inside a nested `def` or a lambda counts
// only when the scope calls that function; calls to functions defined in other cells or with
// `@app.function` are followed when the notebook is given. "In a loop" includes comprehensions
// and a caller's loop (`for b in loader: train_step(b)` with `.backward()` in `train_step`).
import type { Cell, Notebook } from "../../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { importsModule } from "./imports.js";

export type ExpensiveKind = "training" | "fit" | "download" | "install" | "generation";

export interface ExpensiveWork {
  /** The expensive statement or expression as it appears in the cell (a loop, or a call). */
  readonly node: PyNode;
  readonly kind: ExpensiveKind;
  /** A short description for messages, e.g. "a loop calling `.backward()`". */
  readonly detail: string;
}

/** The first expensive piece of work a cell does when it runs, if any. */
export function expensiveWorkIn(cell: Cell, notebook?: Notebook): ExpensiveWork | undefined {
  return allExpensiveWorkIn(cell, notebook)[0];
}

/** Every expensive piece of work a cell does when it runs, in source order. */
export function allExpensiveWorkIn(cell: Cell, notebook?: Notebook): ExpensiveWork[] {
  if (cell.kind !== "cell" && cell.kind !== "setup") return [];
  const first = cell.statements[0];
  const last = cell.statements.at(-1);
  if (!cell.definition || !first || !last) return [];
  const index = notebook ? indexOf(notebook) : buildIndex(cell.node);
  return new Analysis(index, notebook).scopeWork(cell.definition, startOf(first), endOf(last), false, true);
}

// --- matchers --------------------------------------------------------------------------------

const LOOP_KINDS = new Set([
  "for_statement",
  "while_statement",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);
const FUNCTION_KINDS = new Set(["function_definition", "lambda"]);

/** Method or function names worth a look; the classifier decides. */
const CALL_NAME = "(^|\\.)(backward|step|fit|train|from_pretrained|hf_hub_download|snapshot_download|generate|load|pipeline|run|call|check_call|check_output|Popen|system)$";

// No `(?i)`: a case-insensitive Unicode regex costs milliseconds to build in the native matcher.
const FOR_CANDIDATE = {
  kind: "for_statement",
  any: [
    { has: { field: "left", regex: "[Ee][Pp][Oo][Cc][Hh]" } },
    { has: { field: "right", regex: "[Ee][Pp][Oo][Cc][Hh]|num_inference_steps|timesteps" } },
  ],
};
const CALL_CANDIDATES = [
  { has: { field: "function", regex: CALL_NAME } },
  { has: { field: "function", kind: "identifier", regex: "[Pp][Ii][Pp][Ee]$" } },
  { has: { field: "arguments", has: { kind: "keyword_argument", regex: "^download\\s*=\\s*True$" } } },
];
const FUNCTION_DEFS: Matcher = { rule: { kind: "function_definition" } };

/** Loops and calls worth a look, plus plain calls to the functions the source defines. */
function candidatesMatcher(functionNames: readonly string[]): Matcher {
  const calls = functionNames.length === 0 ? CALL_CANDIDATES : [...CALL_CANDIDATES, { has: { field: "function", kind: "identifier", regex: `^(${functionNames.join("|")})$` } }];
  return { rule: { any: [FOR_CANDIDATE, { kind: "call", any: calls }] } };
}

interface FunctionDef {
  readonly name: string;
  readonly node: PyNode;
  readonly start: number;
  readonly end: number;
}

/** Candidates and function definitions of one syntax tree, found with two native queries. */
interface SourceIndex {
  readonly candidates: readonly PyNode[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly defs: readonly FunctionDef[];
}

function buildIndex(root: PyNode): SourceIndex {
  const defs: FunctionDef[] = [];
  for (const node of root.findAll(FUNCTION_DEFS)) {
    const name = node.field("name")?.text();
    if (name && /^\w+$/u.test(name)) defs.push({ name, node, start: startOf(node), end: endOf(node) });
  }
  const names = [...new Set(defs.map((d) => d.name))].sort();
  const found = root.findAll(candidatesMatcher(names)).map((node) => ({ node, start: startOf(node), end: endOf(node) }));
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  return { candidates: found.map((f) => f.node), starts: found.map((f) => f.start), ends: found.map((f) => f.end), defs };
}

const notebookIndexes = new WeakMap<Notebook, SourceIndex>();

function indexOf(notebook: Notebook): SourceIndex {
  let index = notebookIndexes.get(notebook);
  if (!index) {
    index = buildIndex(notebook.root.root());
    notebookIndexes.set(notebook, index);
  }
  return index;
}

/** First position in the sorted `values` that is >= `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `.fit(` on these is cheap preprocessing, not model fitting. */
const CHEAP_FIT = /scaler|imputer|normali[sz]er|binarizer|vectori[sz]er|labelencoder|onehotencoder|ordinalencoder|polynomialfeatures|tokenizer|\ble\b|\bohe\b/i;
const OPTIMIZER = /optim|(^|\.)opt$|scaler/i;
const TRAINER = /trainer/i;
/** `xgb.train(params, dtrain)`, `lgb.train(...)`. */
const BOOSTING = /^(xgb|xgboost|lgb|lightgbm)$/;
const SUBPROCESS_CALL = /^(subprocess\.)?(run|call|check_call|check_output|Popen)$|^os\.system$/;
const INSTALL_ARGS = /\b(pip3?|conda|mamba|micromamba)\b[\s\S]*\binstall\b|\buv\b[\s\S]*\b(add|install)\b/;
const DIFFUSION_PIPE = /^\w*pipe$/i;

// --- analysis ----------------------------------------------------------------------------------

interface Hit {
  /** The node inside the scope being analysed. */
  readonly node: PyNode;
  readonly kind: ExpensiveKind;
  readonly detail: string;
}

const notebookFunctions = new WeakMap<Notebook, Map<string, PyNode>>();

/** Functions any cell can call by name: `@app.function` cells and top-level `def`s of cells. */
function functionsOf(notebook: Notebook): Map<string, PyNode> {
  const cached = notebookFunctions.get(notebook);
  if (cached) return cached;
  const map = new Map<string, PyNode>();
  for (const cell of notebook.cells) {
    if (cell.kind === "function" && cell.definition) map.set(cell.name, cell.definition);
    if (cell.kind !== "cell" && cell.kind !== "setup") continue;
    for (const statement of cell.statements) {
      const def = statement.kind() === "decorated_definition" ? statement.field("definition") : statement;
      if (def?.kind() !== "function_definition") continue;
      const name = def.field("name")?.text();
      if (name && !map.has(name)) map.set(name, def);
    }
  }
  notebookFunctions.set(notebook, map);
  return map;
}

function sameNode(a: PyNode, b: PyNode): boolean {
  return a.kind() === b.kind() && startOf(a) === startOf(b) && endOf(a) === endOf(b);
}

class Analysis {
  private readonly summaries = new Map<string, Hit | null>();
  private readonly visiting = new Set<string>();
  private readonly transformers: boolean;

  constructor(
    private readonly index: SourceIndex,
    private readonly notebook: Notebook | undefined,
  ) {
    this.transformers = notebook ? importsModule(notebook, "transformers") : false;
  }

  /**
   * Work done by the statements of one scope (a cell or a function body), which span
   * `start`..`end`. `boundary` is the scope's own definition: hits inside a nested function are
   * skipped here (they count through calls). `inLoop` is true when the scope itself runs inside
   * a caller's loop.
   */
  scopeWork(boundary: PyNode, start: number, end: number, inLoop: boolean, all: boolean, outer?: ReadonlyMap<string, PyNode>): ExpensiveWork[] {
    const local = new Map<string, PyNode>(outer);
    for (const def of this.index.defs) {
      if (def.start >= start && def.end <= end && !local.has(def.name)) local.set(def.name, def.node);
    }
    const global = this.notebook ? functionsOf(this.notebook) : undefined;
    const result: ExpensiveWork[] = [];
    const seen: Array<{ start: number; end: number }> = [];
    const { candidates, starts, ends } = this.index;
    for (let i = lowerBound(starts, start); i < candidates.length && starts[i]! < end; i++) {
      if (ends[i]! > end) continue;
      const candidate = candidates[i]!;
      if (seen.some((s) => s.start <= starts[i]! && ends[i]! <= s.end)) continue;
      const place = this.place(candidate, boundary);
      if (!place) continue;
      const hit = this.classify(candidate, inLoop || place.outermostLoop !== undefined, local, global);
      if (!hit) continue;
      const node = place.outermostLoop ?? hit.node;
      seen.push({ start: startOf(node), end: endOf(node) });
      result.push({ node, kind: hit.kind, detail: hit.detail });
      if (!all) break;
    }
    return result;
  }

  /** Where a candidate sits in its scope: skipped inside nested functions; its outermost loop. */
  private place(node: PyNode, boundary: PyNode): { outermostLoop: PyNode | undefined } | undefined {
    let outermostLoop: PyNode | undefined;
    for (const ancestor of node.ancestors()) {
      if (sameNode(ancestor, boundary)) return { outermostLoop };
      const kind = String(ancestor.kind());
      if (FUNCTION_KINDS.has(kind)) return undefined;
      if (LOOP_KINDS.has(kind)) outermostLoop = ancestor;
    }
    return { outermostLoop };
  }

  private classify(node: PyNode, inLoop: boolean, local: ReadonlyMap<string, PyNode>, global: ReadonlyMap<string, PyNode> | undefined): Hit | undefined {
    if (node.kind() === "for_statement") {
      const left = node.field("left")?.text() ?? "";
      const right = node.field("right")?.text() ?? "";
      if (/epoch/i.test(left) || /epoch/i.test(right)) {
        return { node, kind: "training", detail: `a \`for ${left} in ...\` training loop` };
      }
      return { node, kind: "generation", detail: `a \`for ${left} in ...\` denoising loop` };
    }
    const fn = node.field("function");
    if (!fn) return undefined;
    const fnText = fn.text().replace(/\s+/g, "");
    const args = node.field("arguments")?.text() ?? "";
    const attribute = fn.kind() === "attribute" ? (fn.field("attribute")?.text() ?? "") : undefined;
    const object = fn.kind() === "attribute" ? (fn.field("object")?.text() ?? "") : "";

    if (attribute !== undefined) {
      switch (attribute) {
        case "backward":
          if (inLoop) return { node, kind: "training", detail: "a loop calling `.backward()`" };
          break;
        case "step":
          if (inLoop && OPTIMIZER.test(object)) return { node, kind: "training", detail: `a loop calling \`${fnText}()\`` };
          break;
        case "train":
          if (TRAINER.test(object) || BOOSTING.test(object)) return { node, kind: "training", detail: `\`${fnText}()\`` };
          break;
        case "fit":
          if (TRAINER.test(object)) return { node, kind: "training", detail: `\`${fnText}(...)\`` };
          if (!CHEAP_FIT.test(object)) return { node, kind: "fit", detail: `\`${fnText}(...)\`` };
          break;
        case "from_pretrained":
        case "hf_hub_download":
        case "snapshot_download":
          return { node, kind: "download", detail: `\`${fnText}(...)\`` };
        case "load":
          if (/(^|\.)hub$/.test(object)) return { node, kind: "download", detail: `\`${fnText}(...)\`` };
          break;
        case "generate":
          if (inLoop) return { node, kind: "generation", detail: `a loop calling \`${fnText}(...)\`` };
          break;
        case "pipeline":
          if (object === "transformers") return { node, kind: inLoop ? "generation" : "download", detail: `\`${fnText}(...)\`` };
          break;
      }
    } else if (fn.kind() === "identifier") {
      if (fnText === "hf_hub_download" || fnText === "snapshot_download") {
        return { node, kind: "download", detail: `\`${fnText}(...)\`` };
      }
      if (fnText === "pipeline" && this.transformers) {
        return { node, kind: inLoop ? "generation" : "download", detail: `\`${fnText}(...)\`` };
      }
      if (inLoop && DIFFUSION_PIPE.test(fnText)) {
        return { node, kind: "generation", detail: `a loop calling \`${fnText}(...)\`` };
      }
    }
    if (SUBPROCESS_CALL.test(fnText) && INSTALL_ARGS.test(args)) {
      return { node, kind: "install", detail: "`pip install` through `subprocess`" };
    }
    if (node.field("arguments")?.children().some((a) => a.kind() === "keyword_argument" && /^download\s*=\s*True$/.test(a.text()))) {
      return { node, kind: "download", detail: `\`${fnText}(..., download=True)\`` };
    }
    if (fn.kind() === "identifier") {
      const localCallee = local.get(fnText);
      const callee = localCallee ?? global?.get(fnText);
      if (callee) {
        const inner = this.functionWork(callee, inLoop, localCallee ? local : undefined);
        if (inner) return { node, kind: inner.kind, detail: `\`${fnText}()\` (${inner.detail})` };
      }
    }
    return undefined;
  }

  /** The first expensive work a function does when called (in a loop or not). */
  private functionWork(def: PyNode, inLoop: boolean, outer: ReadonlyMap<string, PyNode> | undefined): Hit | undefined {
    const key = `${startOf(def)}:${endOf(def)}:${inLoop}`;
    const cached = this.summaries.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.visiting.has(key)) return undefined;
    this.visiting.add(key);
    const body = def.field("body");
    const [first] = body ? this.scopeWork(def, startOf(body), endOf(body), inLoop, false, outer) : [];
    this.visiting.delete(key);
    const hit = first ? { node: first.node, kind: first.kind, detail: stripCallChain(first.detail) } : undefined;
    this.summaries.set(key, hit ?? null);
    return hit;
  }
}

/** `f()` (`g()` (X)) → X: only the innermost work, for readable messages. */
function stripCallChain(detail: string): string {
  const match = /^`[^`]*\(\)` \(([\s\S]*)\)$/.exec(detail);
  return match ? stripCallChain(match[1]!) : detail;
}
