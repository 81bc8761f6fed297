// What counts as "expensive work" in a cell: training loops, `.fit(`, model downloads,
// `pip install` through `subprocess`, generation loops. Shared by the rules that gate or guard
// such work (NVR003; NVE001 may reuse it).
//
// A text scan of the source finds the cells that may hold a candidate (loops over epochs or
// denoising steps, calls with an interesting name, plain calls to functions the notebook
// defines); one native query per such cell finds its candidates and scopes, and a JS
// classifier looks at the few hits. Work inside a nested `def` or a lambda counts
// only when the scope calls that function; calls to functions defined in other cells or with
// `@app.function` are followed when the notebook is given. "In a loop" includes comprehensions
// and a caller's loop (`for b in loader: train_step(b)` with `.backward()` in `train_step`).
import type { Cell, Notebook } from "../../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { loopBodyTrains } from "./epoch-loops.js";
import { importsModule } from "./imports.js";
import { loopHeaderMayMatch, mayFollowDot, mayOpenCall, mayPrecede, offsetsWhere } from "./nvp-helpers.js";
import { keepShape } from "../../notebook/shapes.js";
import { byStart } from "./predicates.js";

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
  const index = notebook ? indexOf(notebook) : buildIndex(cell.node.text(), cell.start, [{ node: cell.node, start: cell.start, end: cell.end }]);
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

const SCOPE_KINDS: ReadonlySet<string> = new Set([...FUNCTION_KINDS, ...LOOP_KINDS]);
/** Each scope kind with the text every node of that kind holds: a region without it has none. */
const SCOPE_TEXT: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["function_definition", ["def"]],
  ["lambda", ["lambda"]],
  ["for_statement", ["for"]],
  ["while_statement", ["while"]],
  ["list_comprehension", ["[", "for"]],
  ["set_comprehension", ["{", "for"]],
  ["dictionary_comprehension", ["{", "for"]],
  ["generator_expression", ["(", "for"]],
];

/** Rules for the scope kinds a text may hold (every rule of a native query costs). */
function scopeRules(text: string): Array<{ kind: string }> {
  return SCOPE_TEXT.filter(([, needles]) => needles.every((n) => text.includes(n))).map(([kind]) => ({ kind }));
}

const CALL_WORDS = CALL_NAME.slice(CALL_NAME.indexOf("(", 1) + 1, CALL_NAME.lastIndexOf(")")).split("|");
const LOOP_WORDS = /[Ee][Pp][Oo][Cc][Hh]|num_inference_steps|timesteps/;

const CALL_NAME_TEXT = new RegExp(CALL_NAME);
const PIPE_END = /[Pp][Ii][Pp][Ee]$/;
/** A name ending in `pipe` (any case), as a whole name. */
const PIPE_NAME_END = /[Pp][Ii][Pp][Ee](?![A-Za-z0-9_])/g;

/**
 * A part of the tree searched as a whole: a cell (or the one cell analysed without its
 * notebook). Candidates outside cells never matter: every scope analysed lies in a cell, and a
 * call is only followed to a function defined in a cell.
 */
interface Region {
  readonly node: PyNode;
  readonly start: number;
  readonly end: number;
}

/** The regions (in order, without repeats) that contain one of the offsets (relative to `base`). */
function regionsAt(regions: readonly Region[], offsets: readonly number[], base: number): Region[] {
  const result: Region[] = [];
  let i = 0;
  for (const local of [...offsets].sort((a, b) => a - b)) {
    const offset = local + base;
    while (i < regions.length && regions[i]!.end < offset) i++;
    const region = regions[i];
    if (!region || region.start > offset) continue;
    if (result.at(-1) !== region) result.push(region);
  }
  return result;
}

/** A native rule, and where in the source a node it matches may start or sit. */
interface Probe {
  readonly rule: object | undefined;
  readonly offsets: readonly number[];
}

/** Calls whose function is an attribute: the method name is checked in JS (a native regex costs more to build). */
const METHOD_CALLEE = { kind: "attribute", inside: { kind: "call", field: "function" } };
/** Calls whose function is a plain name, checked in JS too. */
const NAME_CALLEE = { kind: "identifier", inside: { kind: "call", field: "function" } };
const PIPE_CALLEE = { kind: "identifier", regex: PIPE_END.source, inside: { kind: "call", field: "function" } };
const DOWNLOAD_CALL = { kind: "call", any: [CALL_CANDIDATES[2]!] };

/**
 * The words a candidate is written with, as whole names (`\b` is ASCII: the words start and
 * end with ASCII word characters): one pass over the source finds them all.
 */
const CANDIDATE_WORDS = new RegExp(`\\b(?:${[...CALL_WORDS, "download", "for"].join("|")})\\b`, "g");

/**
 * Where each kind of candidate may be written. A method needs a dot before its name and an
 * opening parenthesis after it; a called name the parenthesis, and no dot right before it;
 * `download=True` the `=`; a loop the word in its header.
 */
function probesOf(source: string): Probe[] {
  const methods: number[] = [];
  const names: number[] = [];
  const downloads: number[] = [];
  const loops: number[] = [];
  let loopWords: boolean | undefined;
  CANDIDATE_WORDS.lastIndex = 0;
  for (let m = CANDIDATE_WORDS.exec(source); m; m = CANDIDATE_WORDS.exec(source)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0] === "for") {
      if (loopHeaderMayMatch(source, start, LOOP_WORDS) && (loopWords ??= LOOP_WORDS.test(source))) loops.push(start);
    } else if (m[0] === "download") {
      if (mayPrecede(source, end, "=")) downloads.push(start);
    } else if (mayOpenCall(source, end)) {
      if (mayFollowDot(source, start)) methods.push(start);
      if (source[start - 1] !== ".") names.push(start);
    }
  }
  const pipes = offsetsWhere(source, PIPE_NAME_END, (_, end) => mayOpenCall(source, end));
  return [
    { rule: METHOD_CALLEE, offsets: methods },
    { rule: NAME_CALLEE, offsets: names },
    { rule: PIPE_CALLEE, offsets: pipes },
    { rule: DOWNLOAD_CALL, offsets: downloads },
    // Loops are among the scopes every query asks for: a region with one only needs its query.
    { rule: undefined, offsets: loops },
  ];
}

/** Plain calls (the called name is checked in JS). */
const NAME_CALL: Matcher = { rule: { kind: "call", has: { field: "function", kind: "identifier" } } };

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
  readonly known: readonly Known[];
  readonly defs: readonly FunctionDef[];
  /** Functions, lambdas and loops, by start. */
  readonly scopes: readonly Scope[];
}

const EMPTY_INDEX: SourceIndex = { candidates: [], starts: [], ends: [], known: [], defs: [], scopes: [] };

/**
 * What finding a candidate already read of it, so that classifying it does not ask again: a
 * loop's target and iterable, or a call's function and its text.
 */
interface Known {
  readonly loop?: { readonly left: string | undefined; readonly right: string | undefined };
  readonly callee?: { readonly node: PyNode; readonly kind: "attribute" | "identifier"; readonly text: string };
}

type Found = { node: PyNode; start: number; end: number; known: Known };

/**
 * The candidates: calls found through their function (an attribute or a name whose last word
 * is one of CALL_NAME's, checked against CALL_NAME in JS), calls of `...pipe` names and with
 * `download=True`, and the `for` loops over epochs or denoising steps (their header is checked
 * here); with them the functions, lambdas and loops of the regions that hold a candidate
 * (every scope a candidate can sit in lies in its region). The text around each word tells
 * which regions may hold a candidate, and which rules they need (see `probesOf`): one native
 * query per such region finds its candidates and its scopes. `source` is the text of the
 * regions, starting at offset `base`.
 */
function buildIndex(source: string, base: number, regions: readonly Region[]): SourceIndex {
  // The rules each region needs, regions in source order.
  const rulesOf = new Map<Region, object[]>();
  for (const probe of probesOf(source)) {
    for (const region of regionsAt(regions, probe.offsets, base)) {
      const rules = rulesOf.get(region) ?? [];
      if (probe.rule) rules.push(probe.rule);
      rulesOf.set(region, rules);
    }
  }
  if (rulesOf.size === 0) return EMPTY_INDEX;

  const found: Found[] = [];
  const defs: FunctionDef[] = [];
  const scopes: Scope[] = [];
  const seen = new Set<number>();
  const push = (node: PyNode | null, known: Known, range?: { start: number; end: number }) => {
    if (!node || seen.has(node.id())) return;
    seen.add(node.id());
    if (range) found.push({ node, start: range.start, end: range.end, known });
    else {
      const r = node.range();
      found.push({ node, start: r.start.index, end: r.end.index, known });
    }
  };
  const addScope = (node: PyNode, kind: string) => {
    const range = node.range();
    const start = range.start.index;
    const end = range.end.index;
    scopes.push({ node, kind, start, end });
    if (kind === "for_statement") {
      const loop = loopCandidate(node, start, end);
      if (loop) push(node, { loop }, { start, end });
    }
    if (kind !== "function_definition") return;
    const name = DEFINITION_NAME.exec(source.slice(start - base, end - base))?.[1] ?? node.field("name")?.text();
    if (name && /^\w+$/u.test(name)) defs.push({ name, node, start, end });
  };
  /** A `for` loop over epochs (target or iterable) or denoising steps (iterable): its target and iterable. */
  const loopCandidate = (node: PyNode, start: number, end: number) => {
    if (!LOOP_WORDS.test(source.slice(start - base, end - base))) return undefined;
    const left = node.field("left")?.text();
    const right = node.field("right")?.text();
    return (left !== undefined && EPOCH.test(left)) || (right !== undefined && LOOP_RIGHT.test(right)) ? { left, right } : undefined;
  };

  // Scopes of a region without candidates are never looked at: indexing them changes nothing.
  const scanned = new Set<Region>();
  for (const region of [...rulesOf.keys()].sort(byStart)) {
    scanned.add(region);
    const text = source.slice(region.start - base, region.end - base);
    for (const node of region.node.findAll({ rule: { any: [...rulesOf.get(region)!, ...scopeRules(text)] } } as Matcher)) {
      const kind = String(node.kind());
      if (SCOPE_KINDS.has(kind)) addScope(node, kind);
      else if (kind === "call") push(node, {});
      else {
        const text = node.text();
        // (An identifier ending in `pipe` means that the source holds `pipe`.)
        if (CALL_NAME_TEXT.test(text) || (kind === "identifier" && PIPE_END.test(text))) {
          push(node.parent(), { callee: { node, kind: kind === "identifier" ? "identifier" : "attribute", text } });
        }
      }
    }
  }
  if (found.length === 0) return EMPTY_INDEX;
  const scan = (spans: readonly Found[]) => {
    for (const region of regions) {
      if (scanned.has(region) || !spans.some((f) => region.start <= f.start && f.end <= region.end)) continue;
      scanned.add(region);
      const rules = scopeRules(source.slice(region.start - base, region.end - base));
      for (const node of rules.length > 0 ? region.node.findAll({ rule: { any: rules } } as Matcher) : []) addScope(node, String(node.kind()));
    }
  };

  // A plain call of a notebook function is a candidate too; it can only lead to work when the
  // function (transitively) holds a candidate, so only calls of such functions are looked up.
  let holders = defs.filter((d) => found.some((f) => d.start <= f.start && f.end <= d.end));
  const named = new Set<string>();
  while (holders.length > 0) {
    const names = [...new Set(holders.map((d) => d.name))].filter((n) => !named.has(n));
    if (names.length === 0) break;
    for (const n of names) named.add(n);
    const added: Found[] = [];
    // A plain call needs the name in the text other than after `def` or a dot, and an opening
    // parenthesis after it: only the regions where it is written so are searched.
    const at: number[] = [];
    const called = new Set<string>();
    for (const n of names) {
      const written = new RegExp(`(?<!\\bdef[ \\t]+)(?<![\\w.])${n}(?!\\w)`, "g");
      const offsets = offsetsWhere(source, written, (_, end) => mayOpenCall(source, end));
      if (offsets.length > 0) called.add(n);
      at.push(...offsets);
    }
    for (const region of called.size > 0 ? regionsAt(regions, at, base) : []) {
      for (const node of region.node.findAll(NAME_CALL)) {
        if (!called.has(node.field("function")!.text())) continue;
        const range = node.range();
        const f = { node, start: range.start.index, end: range.end.index, known: {} };
        if (found.some((x) => x.start === f.start && x.end === f.end)) continue;
        found.push(f);
        added.push(f);
      }
    }
    scan(added);
    holders = defs.filter((d) => !named.has(d.name) && added.some((f) => d.start <= f.start && f.end <= d.end));
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  defs.sort((x, y) => x.start - y.start || y.end - x.end);
  scopes.sort((x, y) => x.start - y.start || y.end - x.end);
  return { candidates: found.map((f) => f.node), starts: found.map((f) => f.start), ends: found.map((f) => f.end), known: found.map((f) => f.known), defs, scopes };
}

const notebookIndexes = new WeakMap<Notebook, SourceIndex>();

function indexOf(notebook: Notebook): SourceIndex {
  let index = notebookIndexes.get(notebook);
  if (!index) {
    index = buildIndex(notebook.source, 0, notebook.cells);
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
    keepShape(this);
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
      const hit = this.classify(candidate, this.index.known[i]!, inLoop || place.outermostLoop !== undefined, local, global);
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

  private classify(node: PyNode, known: Known, inLoop: boolean, local: ReadonlyMap<string, PyNode>, global: () => ReadonlyMap<string, PyNode> | undefined): Hit | undefined {
    const loop = known.loop ?? (!known.callee && node.kind() === "for_statement" ? { left: node.field("left")?.text(), right: node.field("right")?.text() } : undefined);
    if (loop) {
      const left = loop.left ?? "";
      const right = loop.right ?? "";
      if (/epoch/i.test(left) || /epoch/i.test(right)) {
        // A loop over epochs that summarises histories or parses settings is not training.
        if (!loopBodyTrains(node)) return undefined;
        return { node, kind: "training", detail: `a \`for ${left} in ...\` training loop` };
      }
      return { node, kind: "generation", detail: `a \`for ${left} in ...\` denoising loop` };
    }
    const fn = known.callee?.node ?? node.field("function");
    if (!fn) return undefined;
    const fnKind = known.callee?.kind ?? fn.kind();
    const rawText = known.callee?.text ?? fn.text();
    const fnText = rawText.replace(/\s+/g, "");
    let argsText: string | undefined;
    const args = () => (argsText ??= node.field("arguments")?.text() ?? "");
    // A known attribute callee's text ends with `.<method>` (CALL_NAME): the method is the rest after the dot.
    const attribute = fnKind !== "attribute" ? undefined : known.callee ? rawText.slice(rawText.lastIndexOf(".") + 1) : (fn.field("attribute")?.text() ?? "");
    let objectText: string | undefined;
    const objectOf = () => (objectText ??= fnKind === "attribute" ? (fn.field("object")?.text() ?? "") : "");

    if (attribute !== undefined) {
      switch (attribute) {
        case "backward":
          if (inLoop) return { node, kind: "training", detail: "a loop calling `.backward()`" };
          break;
        case "step":
          if (inLoop && OPTIMIZER.test(objectOf())) return { node, kind: "training", detail: `a loop calling \`${fnText}()\`` };
          break;
        case "train":
          if (TRAINER.test(objectOf()) || BOOSTING.test(objectOf())) return { node, kind: "training", detail: `\`${fnText}()\`` };
          break;
        case "fit":
          if (TRAINER.test(objectOf())) return { node, kind: "training", detail: `\`${fnText}(...)\`` };
          if (!CHEAP_FIT.test(objectOf())) return { node, kind: "fit", detail: `\`${fnText}(...)\`` };
          break;
        case "from_pretrained":
        case "hf_hub_download":
        case "snapshot_download":
          return { node, kind: "download", detail: `\`${fnText}(...)\`` };
        case "load":
          if (/(^|\.)hub$/.test(objectOf())) return { node, kind: "download", detail: `\`${fnText}(...)\`` };
          break;
        case "generate":
          if (inLoop) return { node, kind: "generation", detail: `a loop calling \`${fnText}(...)\`` };
          break;
        case "pipeline":
          if (objectOf() === "transformers") return { node, kind: inLoop ? "generation" : "download", detail: `\`${fnText}(...)\`` };
          break;
      }
    } else if (fnKind === "identifier") {
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
    if (SUBPROCESS_CALL.test(fnText) && INSTALL_ARGS.test(args())) {
      return { node, kind: "install", detail: "`pip install` through `subprocess`" };
    }
    if (args().includes("download") && node.field("arguments")?.children().some((a) => a.kind() === "keyword_argument" && /^download\s*=\s*True$/.test(a.text()))) {
      return { node, kind: "download", detail: `\`${fnText}(..., download=True)\`` };
    }
    if (fnKind === "identifier") {
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
