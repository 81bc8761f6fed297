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
  if (!cell.definition) return [];
  const index = notebook ? indexOf(notebook) : buildIndex(cell.node, cell.node.text(), cell.start, () => [{ node: cell.node, start: cell.start, end: cell.end }]);
  // No candidate inside the cell: nothing to look at (and no need to read its statements).
  const from = lowerBound(index.starts, cell.start);
  if (from >= index.candidates.length || index.starts[from]! >= cell.end) return [];
  const first = cell.statements[0];
  const last = cell.statements.at(-1);
  if (!first || !last) return [];
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
const EPOCH = /[Ee][Pp][Oo][Cc][Hh]/;
const LOOP_RIGHT = /[Ee][Pp][Oo][Cc][Hh]|num_inference_steps|timesteps/;
const CALL_CANDIDATES = [
  { has: { field: "function", regex: CALL_NAME } },
  { has: { field: "function", kind: "identifier", regex: "[Pp][Ii][Pp][Ee]$" } },
  { has: { field: "arguments", has: { kind: "keyword_argument", regex: "^download\\s*=\\s*True$" } } },
];
/** `def name`, `async def name`: the name as tree-sitter reads it (else ask the tree). */
const DEFINITION_NAME = /^(?:async[ \t]+)?def[ \t]+([\p{XID_Start}_][\p{XID_Continue}]*)(?=[ \t]*[(\[])/u;

const SCOPES: Matcher = { rule: { any: [...FUNCTION_KINDS, ...LOOP_KINDS].map((kind) => ({ kind })) } } as Matcher;
const CALL_WORDS = CALL_NAME.slice(CALL_NAME.indexOf("(", 1) + 1, CALL_NAME.lastIndexOf(")")).split("|");
const LOOP_WORDS = /[Ee][Pp][Oo][Cc][Hh]|num_inference_steps|timesteps/;

const CALL_NAME_TEXT = new RegExp(CALL_NAME);
const PIPE_END = /[Pp][Ii][Pp][Ee]$/;

/**
 * The candidates, in one native query: calls found through their function (an attribute or a
 * name whose last word is one of CALL_NAME's: the native matcher tests a few short names much
 * faster than a whole called expression; then checked against CALL_NAME exactly), calls of
 * `...pipe` names and with `download=True` when the source has those words, and the `for`
 * loops when the source names epochs or denoising steps (their header is checked here).
 */
function findCandidates(root: PyNode, source: string, offset: number): Array<{ node: PyNode; start: number; end: number }> {
  const rules: object[] = [];
  const words = CALL_WORDS.filter((w) => source.includes(w));
  if (words.length > 0) {
    rules.push({ kind: "attribute", has: { field: "attribute", regex: `^(${words.join("|")})$` }, inside: { kind: "call", field: "function" } });
    // A bare call (`pipeline(...)`) needs the word somewhere not right after a dot.
    const bare = words.filter((w) => new RegExp(`(?<![.\\w])${w}(?!\\w)`).test(source));
    if (bare.length > 0) rules.push({ kind: "identifier", regex: `^(${bare.join("|")})$`, inside: { kind: "call", field: "function" } });
  }
  const pipes = /[Pp][Ii][Pp][Ee]/.test(source);
  if (pipes) rules.push({ kind: "identifier", regex: PIPE_END.source, inside: { kind: "call", field: "function" } });
  if (source.includes("download")) rules.push({ kind: "call", any: [CALL_CANDIDATES[2]!] });
  const loops = LOOP_WORDS.test(source);
  if (loops) rules.push({ kind: "for_statement" });
  if (rules.length === 0) return [];

  const found: Array<{ node: PyNode; start: number; end: number }> = [];
  const seen = new Set<number>();
  const push = (node: PyNode | null) => {
    if (!node || seen.has(node.id())) return;
    seen.add(node.id());
    const range = node.range();
    found.push({ node, start: range.start.index, end: range.end.index });
  };
  for (const node of root.findAll({ rule: { any: rules } } as Matcher)) {
    const kind = node.kind();
    if (kind === "call") push(node);
    else if (kind === "for_statement") {
      const range = node.range();
      if (!LOOP_WORDS.test(source.slice(range.start.index - offset, range.end.index - offset))) continue;
      const left = node.field("left")?.text();
      const right = node.field("right")?.text();
      if ((left !== undefined && EPOCH.test(left)) || (right !== undefined && LOOP_RIGHT.test(right))) push(node);
    } else {
      const text = node.text();
      if (CALL_NAME_TEXT.test(text) || (pipes && kind === "identifier" && PIPE_END.test(text))) push(node.parent());
    }
  }
  return found;
}

/** Plain calls of the named functions. */
function callsOf(names: readonly string[]): Matcher {
  return { rule: { kind: "call", has: { field: "function", kind: "identifier", regex: `^(${names.join("|")})$` } } };
}

interface FunctionDef {
  readonly name: string;
  readonly node: PyNode;
  readonly start: number;
  readonly end: number;
}

interface Bounds {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}

interface Scope {
  readonly node: PyNode;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

/** Candidates, function definitions, and the functions, lambdas and loops that scope them. */
interface SourceIndex {
  readonly candidates: readonly PyNode[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly defs: readonly FunctionDef[];
  /** Functions, lambdas and loops, by start. */
  readonly scopes: readonly Scope[];
}

/** A part of the tree searched for scopes as a whole: a top-level statement, or one cell. */
interface Region {
  readonly node: PyNode;
  readonly start: number;
  readonly end: number;
}

const EMPTY_INDEX: SourceIndex = { candidates: [], starts: [], ends: [], defs: [], scopes: [] };

/**
 * Candidates first (one native query over the tree); then the functions, lambdas and loops of
 * the regions that hold a candidate (every scope a candidate can sit in lies in its region).
 */
function buildIndex(root: PyNode, source: string, offset: number, regions: () => readonly Region[]): SourceIndex {
  const found = findCandidates(root, source, offset);
  if (found.length === 0) return EMPTY_INDEX;
  const defs: FunctionDef[] = [];
  const scopes: Scope[] = [];
  const scanned = new Set<Region>();
  const scan = (spans: ReadonlyArray<{ start: number; end: number }>) => {
    for (const region of regions()) {
      if (scanned.has(region) || !spans.some((f) => region.start <= f.start && f.end <= region.end)) continue;
      scanned.add(region);
      for (const node of region.node.findAll(SCOPES)) {
        const kind = String(node.kind());
        const range = node.range();
        const start = range.start.index;
        const end = range.end.index;
        scopes.push({ node, kind, start, end });
        if (kind !== "function_definition") continue;
        const name = DEFINITION_NAME.exec(source.slice(start - offset, end - offset))?.[1] ?? node.field("name")?.text();
        if (name && /^\w+$/u.test(name)) defs.push({ name, node, start, end });
      }
    }
  };
  scan(found);

  // A plain call of a notebook function is a candidate too; it can only lead to work when the
  // function (transitively) holds a candidate, so only calls of such functions are looked up.
  let holders = defs.filter((d) => found.some((f) => d.start <= f.start && f.end <= d.end));
  const named = new Set<string>();
  while (holders.length > 0) {
    const names = [...new Set(holders.map((d) => d.name))].filter((n) => !named.has(n));
    if (names.length === 0) break;
    for (const n of names) named.add(n);
    const added: typeof found = [];
    // A plain call needs the name in the text other than after `def` or a dot.
    const called = names.filter((n) => new RegExp(`(?<!\\bdef[ \\t]+)(?<![\\w.])${n}(?!\\w)`).test(source));
    for (const node of called.length > 0 ? root.findAll(callsOf(called.sort())) : []) {
      const range = node.range();
      const f = { node, start: range.start.index, end: range.end.index };
      if (found.some((x) => x.start === f.start && x.end === f.end)) continue;
      found.push(f);
      added.push(f);
    }
    scan(added);
    holders = defs.filter((d) => !named.has(d.name) && added.some((f) => d.start <= f.start && f.end <= d.end));
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  defs.sort((x, y) => x.start - y.start || y.end - x.end);
  scopes.sort((x, y) => x.start - y.start || y.end - x.end);
  return { candidates: found.map((f) => f.node), starts: found.map((f) => f.start), ends: found.map((f) => f.end), defs, scopes };
}

const notebookIndexes = new WeakMap<Notebook, SourceIndex>();

function indexOf(notebook: Notebook): SourceIndex {
  let index = notebookIndexes.get(notebook);
  if (!index) {
    const root = notebook.root.root();
    let regions: Region[] | undefined;
    index = buildIndex(root, notebook.source, 0, () =>
      (regions ??= root.children().map((node) => {
        const range = node.range();
        return { node, start: range.start.index, end: range.end.index };
      })),
    );
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

/**
 * Functions any cell can call by name: `@app.function` cells and top-level `def`s of cells.
 * Read only when a plain call is not resolved in its own scope.
 */
function functionsOf(notebook: Notebook): Map<string, PyNode> {
  const cached = notebookFunctions.get(notebook);
  if (cached) return cached;
  const map = new Map<string, PyNode>();
  for (const cell of notebook.cells) {
    if (cell.kind === "function" && cell.definition) map.set(cell.name, cell.definition);
    if (cell.kind !== "cell" && cell.kind !== "setup") continue;
    // Only a cell whose text defines a function has a top-level `def` to look at.
    if (!notebook.source.slice(cell.start, cell.end).includes("def")) continue;
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
    const global = () => (this.notebook ? functionsOf(this.notebook) : undefined);
    const result: ExpensiveWork[] = [];
    const seen: Array<{ start: number; end: number }> = [];
    const { candidates, starts, ends } = this.index;
    let bounds: Bounds | undefined;
    for (let i = lowerBound(starts, start); i < candidates.length && starts[i]! < end; i++) {
      if (ends[i]! > end) continue;
      const candidate = candidates[i]!;
      if (seen.some((s) => s.start <= starts[i]! && ends[i]! <= s.end)) continue;
      bounds ??= { start: startOf(boundary), end: endOf(boundary), kind: String(boundary.kind()) };
      const place = this.place(i, bounds);
      if (!place) continue;
      const hit = this.classify(candidate, inLoop || place.outermostLoop !== undefined, local, global);
      if (!hit) continue;
      const loop = place.outermostLoop;
      const node = loop?.node ?? hit.node;
      seen.push(loop ? { start: loop.start, end: loop.end } : hit.node === candidate ? { start: starts[i]!, end: ends[i]! } : { start: startOf(node), end: endOf(node) });
      result.push({ node, kind: hit.kind, detail: hit.detail });
      if (!all) break;
    }
    return result;
  }

  /**
   * Where candidate `i` sits in its scope: skipped inside nested functions; its outermost loop.
   * The functions, lambdas and loops strictly between the candidate and the scope's own
   * definition are the indexed ones whose range holds the candidate's and lies in the scope's.
   */
  private place(i: number, boundary: Bounds): { outermostLoop: Scope | undefined } | undefined {
    const s = this.index.starts[i]!;
    const e = this.index.ends[i]!;
    let outermostLoop: Scope | undefined;
    for (const c of this.index.scopes) {
      if (c.start > s) break;
      // The candidate itself (a loop) is not its own scope.
      if ((c.start === s && c.end === e) || c.end < e) continue;
      if (c.start < boundary.start || c.end > boundary.end) continue;
      if (c.start === boundary.start && c.end === boundary.end && c.kind === boundary.kind) continue;
      if (FUNCTION_KINDS.has(c.kind)) return undefined;
      if (LOOP_KINDS.has(c.kind) && (!outermostLoop || c.start < outermostLoop.start || (c.start === outermostLoop.start && c.end > outermostLoop.end))) outermostLoop = c;
    }
    return { outermostLoop };
  }

  private classify(node: PyNode, inLoop: boolean, local: ReadonlyMap<string, PyNode>, global: () => ReadonlyMap<string, PyNode> | undefined): Hit | undefined {
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
    if (args.includes("download") && node.field("arguments")?.children().some((a) => a.kind() === "keyword_argument" && /^download\s*=\s*True$/.test(a.text()))) {
      return { node, kind: "download", detail: `\`${fnText}(..., download=True)\`` };
    }
    if (fn.kind() === "identifier") {
      const localCallee = local.get(fnText);
      const callee = localCallee ?? global()?.get(fnText);
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
