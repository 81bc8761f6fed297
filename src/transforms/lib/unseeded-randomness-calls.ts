// NVS001's view of a notebook's random number generation: which calls draw from a global
// generator (Python's `random`, NumPy's legacy `np.random`, PyTorch), which calls seed those
// generators, which calls build a generator from operating-system entropy
// (`np.random.default_rng()`), and which notebook-defined functions and classes do either when
// called. Import aliases are resolved (`import torch as t`, `from numpy import random as npr`).
import type { Cell, Notebook } from "../../notebook/model.js";
import type { Rule } from "@ast-grep/napi";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { importsModule, importsOf } from "./imports.js";

export type Lib = "random" | "numpy" | "torch";
export const LIBS: readonly Lib[] = ["random", "numpy", "torch"];

/** How a call draws: wording for the diagnostic. */
export type DrawKind = "draws" | "init" | "module" | "shuffle" | "sample" | "split" | "calls";

export interface Draw {
  readonly libs: ReadonlySet<Lib>;
  readonly node: PyNode;
  readonly kind: DrawKind;
  /** How to name the call in a message, e.g. `torch.randn()`. */
  readonly label: string;
}

/** `np.random.default_rng()`, `np.random.RandomState()`, `random.Random()` with no seed. */
export interface UnseededGenerator {
  readonly lib: Lib;
  readonly node: PyNode;
  /** The `(...)` argument list, replaced by `(seed)` in a fix. */
  readonly args: PyNode;
  readonly label: string;
}

/** A notebook-defined function or class (anywhere: cell top level, nested, @app.function). */
export interface Callable {
  readonly name: string;
  readonly node: PyNode;
  readonly start: number;
  readonly end: number;
  /** The function accepts a single positional argument (so `name(seed)` is a valid call). */
  readonly takesOneArgument: boolean;
}

/** Everything a piece of code does directly (not inside nested functions). */
interface OwnerFacts {
  readonly draws: Draw[];
  readonly seeds: Set<Lib>;
  readonly calls: Array<{ name: string; node: PyNode; label: string }>;
}

export interface RandomnessFacts {
  readonly callables: readonly Callable[];
  /** Libraries each callable name seeds when called (its body, transitively). */
  readonly seedsByName: ReadonlyMap<string, ReadonlySet<Lib>>;
  /** Libraries each callable name draws from without seeding them (transitively). */
  readonly drawsByName: ReadonlyMap<string, ReadonlySet<Lib>>;
  /** Calls of each callable name. */
  readonly callsByName: ReadonlyMap<string, readonly PyNode[]>;
  /** What each cell's top-level code does, calls of notebook functions resolved. */
  cellDraws(cell: Cell): Draw[];
  cellSeeds(cell: Cell): Set<Lib>;
  /** The callable an @app.function / @app.class_definition cell defines. */
  callableOf(cell: Cell): Callable | undefined;
  /** Draws a callable makes from generators it does not seed itself. */
  callableDraws(callable: Callable): Draw[];
  /** Unseeded generator constructions anywhere inside a cell (nested code included). */
  cellGenerators(cell: Cell): UnseededGenerator[];
  /** Seeding functions imported from libraries (`from transformers import set_seed`), by local name. */
  readonly importedSeeders: ReadonlySet<string>;
  /** The notebook's random libraries, as imported. */
  readonly importedLibs: readonly Lib[];
}

export const LIB_NAMES: Record<Lib, string> = { random: "Python's `random`", numpy: "NumPy", torch: "PyTorch" };

/** Seeding helpers of other libraries: `transformers.set_seed`, `lightning.seed_everything`, ... */
export const SEEDER_NAME = /^(?:set_(?:global_|random_|all_)?seeds?|seed_?(?:everything|all)|fix_(?:random_)?seeds?)$/i;

const TORCH_DRAW = /^torch\.(?:random\.)?(?:rand|rand_like|randn|randn_like|randint|randint_like|randperm|normal|bernoulli|multinomial|poisson)$/;
const TORCH_INIT = /^torch\.nn\.init\.(\w+_)$/;
const TORCH_INIT_CONSTANT = new Set(["zeros_", "ones_", "constant_", "eye_", "dirac_"]);
const TORCH_MODULE =
  /^torch\.nn\.(?:modules\.\w+\.)?(?:Linear|Bilinear|LazyLinear|(?:Lazy)?Conv[123]d|(?:Lazy)?ConvTranspose[123]d|Embedding|EmbeddingBag|RNN|LSTM|GRU|RNNCell|LSTMCell|GRUCell|MultiheadAttention|Transformer|TransformerEncoderLayer|TransformerDecoderLayer)$/;
const TORCH_LOADER = /^torch\.utils\.data\.(?:dataloader\.)?DataLoader$/;
const TORCH_SAMPLER = /^torch\.utils\.data\.(?:sampler\.)?(?:RandomSampler|SubsetRandomSampler|WeightedRandomSampler)$/;
const TORCH_SPLIT = /^torch\.utils\.data\.(?:dataset\.)?random_split$/;
const TORCH_SEED = /^torch\.(?:random\.|cuda\.)?manual_seed(?:_all)?$/;
const NUMPY_RANDOM = /^numpy\.random\.(\w+)$/;
const NUMPY_NOT_DRAW = new Set([
  "seed", "default_rng", "RandomState", "Generator", "SeedSequence", "BitGenerator", "MT19937", "PCG64",
  "PCG64DXSM", "Philox", "SFC64", "get_state", "set_state", "get_bit_generator", "set_bit_generator",
]);
const RANDOM_DRAW = new Set([
  "random", "randint", "randrange", "choice", "choices", "shuffle", "sample", "uniform", "gauss",
  "normalvariate", "triangular", "betavariate", "expovariate", "gammavariate", "lognormvariate",
  "vonmisesvariate", "paretovariate", "weibullvariate", "getrandbits", "randbytes", "binomialvariate",
]);
/** In-place tensor methods that fill a tensor from PyTorch's generator. */
const TENSOR_INPLACE = new Set(["uniform_", "normal_", "random_", "bernoulli_", "exponential_", "cauchy_", "log_normal_", "geometric_"]);

/** Last names of calls worth classifying; the native pre-filter (plus imported and defined names). */
const INTERESTING = [
  "rand", "rand_like", "randn", "randn_like", "randint", "randint_like", "randperm", "normal", "bernoulli",
  "multinomial", "poisson", "DataLoader", "RandomSampler", "SubsetRandomSampler", "WeightedRandomSampler",
  "random_split", "manual_seed", "manual_seed_all", "seed", "default_rng", "RandomState", "Random", "generate",
  "\\w+_", "\\w*[sS]eed\\w*", "Linear", "Bilinear", "LazyLinear", "\\w*Conv\\w*", "Embedding\\w*", "RNN\\w*",
  "LSTM\\w*", "GRU\\w*", "MultiheadAttention", "Transformer\\w*", "\\w*variate", "getrandbits", "randbytes",
  ...RANDOM_DRAW,
];

const IDENTIFIER_CHAIN = /^[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*$/u;
const CALLABLES: Matcher = { rule: { any: [{ kind: "function_definition" }, { kind: "class_definition" }] } };
/** Methods that run when a class is instantiated. */
const CONSTRUCTION_METHODS = new Set(["__init__", "__new__", "__post_init__", "reset_parameters"]);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface ArgumentFacts {
  readonly positional: number;
  readonly keywords: ReadonlyMap<string, string>;
  /** The only argument is the literal `None` (or there is none). */
  readonly unseeded: boolean;
}

function argumentsOf(args: PyNode | null): ArgumentFacts {
  const keywords = new Map<string, string>();
  let positional = 0;
  let onlyNone = true;
  if (args) {
    for (const child of args.namedChildren()) {
      if (child.kind() === "comment") continue;
      if (child.kind() === "keyword_argument") {
        const name = child.field("name")?.text() ?? "";
        const value = child.field("value")?.text() ?? "";
        keywords.set(name, value);
        if (value !== "None") onlyNone = false;
      } else {
        positional++;
        if (child.text() !== "None") onlyNone = false;
      }
    }
  }
  return { positional, keywords, unseeded: onlyNone };
}

type Classified =
  | { kind: "draw"; lib: Lib; draw: DrawKind; label: string }
  | { kind: "generator"; lib: Lib; label: string }
  | { kind: "seed"; libs: readonly Lib[] }
  | { kind: "call"; name: string; label: string };

/** `def name`, `async def name`, `class name`: the name as tree-sitter reads it. */
const DEFINITION_NAME = /^(?:async[ \t]+)?(?:def|class)[ \t]+([\p{XID_Start}_][\p{XID_Continue}]*)(?=[ \t]*[(:\[])/u;

/**
 * Whether `name` may stand as an argument (`f(name)`, `f(x, k=name)`): some occurrence is
 * followed, past blanks and comments, by `,` or `)`.
 */
function mayBeArgument(source: string, name: string): boolean {
  for (let i = source.indexOf(name); i !== -1; i = source.indexOf(name, i + 1)) {
    let j = i + name.length;
    for (;;) {
      const c = source.charCodeAt(j);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 92) j++;
      else if (c === 35) while (j < source.length && source.charCodeAt(j) !== 10) j++;
      else break;
    }
    const next = source.charCodeAt(j);
    if (next === 44 || next === 41) return true;
  }
  return false;
}

/** Rust's (the native matcher's) `\w` and `\s`, for JavaScript regexes that must agree with it. */
const W = "[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]";
const S = "\\p{White_Space}";
const rustRegex = (pattern: string) => new RegExp(pattern.replace(/\\w/g, W).replace(/\\s/g, S), "u");
const INTERESTING_CALL = rustRegex(`(?:^|\\.)\\s*(?:${INTERESTING.join("|")})\\s*$`);
const INTERESTING_WORD = rustRegex(`^(?:${INTERESTING.join("|")})$`);
const RANDOM_ATTRIBUTE = rustRegex(`(?:^|\\.)\\s*random\\s*\\.\\s*\\w+\\s*$`);
const WORD_CHAR = new RegExp(W, "u");
/** Words INTERESTING may match contain one of these (or are literals of it). */
const INTERESTING_LITERALS = new Set(INTERESTING.filter((p) => /^\w+$/.test(p)));
const INTERESTING_HINT = /_$|[sS]eed|Conv|^(?:Embedding|RNN|LSTM|GRU|Transformer)|variate$/;

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!)) || (c >= 0xdc00 && c <= 0xdfff && i > 0 && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i - 1)!)));
}

/**
 * The words of a text as runs of the native matcher's `\w` characters (a superset: runs of
 * ASCII word characters next to a non-ASCII letter are listed too).
 */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z0-9_]+/g)) words.add(m[0]);
  if (!/[^\x00-\x7f]/.test(text)) return words;
  let covered = -1;
  for (let i = 0; i < text.length; i++) {
    if (i <= covered || text.charCodeAt(i) < 128 || !isWordAt(text, i)) continue;
    let start = i;
    while (start > 0 && isWordAt(text, start - 1)) start--;
    let end = i + 1;
    while (end < text.length && isWordAt(text, end)) end++;
    words.add(text.slice(start, end));
    covered = end - 1;
  }
  return words;
}
const SOURCE_RANDOM_ATTRIBUTE = new RegExp(`random${S}*\\.${S}*(${W}+)`, "gu");
/** Names that may follow `def` or `class` (a superset of the notebook's callables). */
const DEFINED_NAME = new RegExp(`(?:def|class)(?:${S}|\\\\\\r?\\n)+([^\\s()\\[\\]:\\\\#,=]+)`, "gu");
/** A dotted name in ASCII without blanks: `torch.nn.Linear`. */
const ASCII_CHAIN = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const TRIM = new RegExp(`^${S}+|${S}+$`, "gu");

/** Analyses the whole notebook once. */
export function analyzeRandomness(notebook: Notebook): RandomnessFacts {
  const imports = importsOf(notebook);
  const importedLibs = LIBS.filter((lib) => importsModule(notebook, lib));
  const hasTorch = importedLibs.includes("torch");
  const source = notebook.source;

  // Local name -> the dotted paths it may stand for.
  const paths = new Map<string, string[]>();
  for (const i of imports) {
    const path = i.attribute === undefined ? i.module : `${i.module}.${i.attribute}`;
    const list = paths.get(i.local);
    if (list) list.push(path);
    else paths.set(i.local, [path]);
  }
  const randomModules = [...paths].filter(([, list]) => list.some((p) => p === "random" || p === "numpy.random")).map(([local]) => local);

  // One native query finds the notebook's functions and classes and every call worth a look.
  // Its regexes list literal words taken from the source: a character class such as `\w` costs
  // milliseconds to compile in the native matcher, a list of words almost nothing. The query
  // may return more than the calls asked for; the exact tests below (`calledExpression`) decide.
  const definedNames = new Set<string>();
  for (const m of source.matchAll(DEFINED_NAME)) definedNames.add(m[1]!);
  const lastWords = new Set<string>();
  for (const word of wordsOf(source)) {
    if (INTERESTING_LITERALS.has(word) || (INTERESTING_HINT.test(word) && INTERESTING_WORD.test(word))) lastWords.add(word);
  }
  for (const m of source.matchAll(SOURCE_RANDOM_ATTRIBUTE)) lastWords.add(m[1]!);
  if (randomModules.length > 0) {
    const afterModule = new RegExp(`(?:${randomModules.map(escapeRegex).join("|")})${S}*\\.${S}*(${W}+)`, "gu");
    for (const m of source.matchAll(afterModule)) lastWords.add(m[1]!);
  }
  for (const name of paths.keys()) lastWords.add(name);
  for (const name of definedNames) lastWords.add(name);
  const queries: Rule[] = [{ kind: "function_definition" }, { kind: "class_definition" }];
  if (lastWords.size > 0) {
    const words = [...lastWords].map(escapeRegex).join("|");
    queries.push({ kind: "call", has: { field: "function", regex: `(?:^|\\.)\\s*(?:${words})\\s*$` } });
  }
  // A name passed as an argument is followed, past blanks and comments, by `,` or `)`.
  const asciiNames = [...definedNames].filter((name) => /^[A-Za-z0-9_]+$/.test(name));
  const asArgument =
    (asciiNames.length > 0 && new RegExp(`(?<![A-Za-z0-9_])(?:${asciiNames.join("|")})(?=(?:[ \\t\\r\\n\\f\\\\]|#[^\\n]*)*[,)])`).test(source)) ||
    [...definedNames].some((name) => !/^[A-Za-z0-9_]+$/.test(name) && mayBeArgument(source, name));
  if (asArgument) {
    // A notebook function passed as a callback is called: `model.apply(init_weights)`.
    queries.push({
      kind: "identifier",
      regex: `^(?:${[...definedNames].map(escapeRegex).join("|")})$`,
      any: [{ inside: { kind: "argument_list" } }, { inside: { kind: "keyword_argument", field: "value" } }],
    });
  }
  const found = notebook.root.root().findAll({ rule: { any: queries } });

  // Notebook-defined functions and classes (cell wrappers excluded).
  const wrappers = new Set(notebook.cells.filter((c) => c.kind === "cell" && c.definition).map((c) => c.definition!.id()));
  const callables: Callable[] = [];
  const rest: Array<{ node: PyNode; kind: unknown }> = [];
  for (const node of found) {
    const kind = node.kind();
    if (kind !== "function_definition" && kind !== "class_definition") {
      rest.push({ node, kind });
      continue;
    }
    if (wrappers.has(node.id())) continue;
    const range = node.range();
    const name = DEFINITION_NAME.exec(source.slice(range.start.index, range.end.index))?.[1] ?? node.field("name")?.text();
    if (!name) continue;
    let oneArgument: boolean | undefined;
    callables.push({
      name,
      node,
      start: range.start.index,
      end: range.end.index,
      get takesOneArgument() {
        return (oneArgument ??= takesOneArgument(node));
      },
    });
  }
  const callableNames = new Set(callables.map((c) => c.name));

  const importedSeeders = new Set<string>();
  for (const [local, list] of paths) {
    if (list.some((p) => SEEDER_NAME.test(p.split(".").at(-1) ?? ""))) importedSeeders.add(local);
  }

  // The exact pre-filter on the called expression: a known last name (`.randn`, `.manual_seed`),
  // any function of a `random` module (`np.random.permutation`, `rnd.gauss`), or a bare name that
  // is imported (`from numpy.random import permutation`) or defined in the notebook. The index
  // orders calls that start at the same offset as one native query per pattern did.
  const bare = new Set([...paths.keys(), ...callableNames]);
  const moduleAttribute = randomModules.length > 0 ? rustRegex(`^\\s*(?:${randomModules.map(escapeRegex).join("|")})\\s*\\.\\s*\\w+\\s*$`) : undefined;
  const randomModuleSet = new Set(randomModules);
  const interestingWord = (word: string) => INTERESTING_LITERALS.has(word) || (INTERESTING_HINT.test(word) && INTERESTING_WORD.test(word));
  const calledExpression = (text: string): number => {
    if (ASCII_CHAIN.test(text)) {
      // `a.b.c` written without blanks: the same tests on its parts.
      const parts = text.split(".");
      const last = parts[parts.length - 1]!;
      if (interestingWord(last)) return 0;
      if (parts.length >= 2 && parts[parts.length - 2] === "random") return 1;
      if (parts.length === 2 && randomModuleSet.has(parts[0]!)) return 2;
      if (parts.length === 1 && bare.has(text)) return 3;
      return -1;
    }
    if (INTERESTING_CALL.test(text)) return 0;
    if (RANDOM_ATTRIBUTE.test(text)) return 1;
    if (moduleAttribute?.test(text)) return 2;
    if (bare.size > 0 && bare.has(text.replace(TRIM, ""))) return 3;
    return -1;
  };

  const classify = (call: PyNode, fnText: string): Classified | undefined => {
    const text = fnText.replace(/\s+/g, "");
    const args = new CallArguments(call);
    const last = /([\p{L}\p{N}_]+)$/u.exec(text)?.[1] ?? "";
    if (IDENTIFIER_CHAIN.test(text)) {
      const chain = text.split(".");
      const head = chain[0]!;
      const rest = chain.slice(1);
      for (const base of paths.get(head) ?? []) {
        const found = classifyPath([base, ...rest].join("."), args, text);
        if (found) return found;
      }
      if (chain.length === 1 && callableNames.has(head)) return { kind: "call", name: head, label: `${head}()` };
      if (SEEDER_NAME.test(last) && !(chain.length === 1 && callableNames.has(head))) return { kind: "seed", libs: LIBS };
    }
    if (!hasTorch) return undefined;
    if (text.includes(".") && TENSOR_INPLACE.has(last)) {
      if (args.hasKeyword("generator")) return undefined;
      return { kind: "draw", lib: "torch", draw: "draws", label: `.${last}()` };
    }
    if (text.includes(".") && last === "generate" && args.keyword("do_sample") === "True") {
      return { kind: "draw", lib: "torch", draw: "sample", label: `.generate(do_sample=True)` };
    }
    return undefined;
  };

  interface Interesting {
    readonly node: PyNode;
    readonly start: number;
    readonly order: number;
    readonly rank: number;
    readonly found: Classified | undefined;
  }
  const interesting: Interesting[] = [];
  for (const [order, { node, kind }] of rest.entries()) {
    if (kind === "identifier") {
      const name = node.text();
      if (!callableNames.has(name)) continue;
      interesting.push({ node, start: startOf(node), order, rank: 4, found: { kind: "call", name, label: name } });
      continue;
    }
    const fnText = node.field("function")?.text();
    if (fnText === undefined) continue;
    const rank = calledExpression(fnText);
    if (rank < 0) continue;
    interesting.push({ node, start: startOf(node), order, rank, found: classify(node, fnText) });
  }
  interesting.sort((a, b) => a.start - b.start || a.rank - b.rank || a.order - b.order);
  const starts = new Map<PyNode, number>(interesting.map((i) => [i.node, i.start]));
  const position = (node: PyNode) => starts.get(node) ?? startOf(node);

  // Owners: a callable (innermost) or a cell's top level.
  const ownerFacts = new Map<Callable | Cell, OwnerFacts>();
  const factsOf = (owner: Callable | Cell): OwnerFacts => {
    let facts = ownerFacts.get(owner);
    if (!facts) ownerFacts.set(owner, (facts = { draws: [], seeds: new Set(), calls: [] }));
    return facts;
  };
  const generators = new Map<number, UnseededGenerator[]>();
  const callsByName = new Map<string, PyNode[]>();
  const sortedCallables = [...callables].sort((a, b) => a.start - b.start);
  const innermost = (start: number, end: number, self?: Callable): Callable | undefined => {
    let owner: Callable | undefined;
    for (const c of sortedCallables) {
      if (c.start > start) break;
      if (c !== self && end <= c.end) owner = c;
    }
    return owner;
  };

  // Instantiating a class runs its constructor methods.
  const construction = new Map<Callable, Callable[]>();
  for (const c of callables) {
    if (!CONSTRUCTION_METHODS.has(c.name)) continue;
    const parent = innermost(c.start, c.end, c);
    if (parent?.node.kind() !== "class_definition") continue;
    construction.set(parent, [...(construction.get(parent) ?? []), c]);
  }

  for (const { node, start: at, found } of interesting) {
    if (!found) continue;
    const cell = cellContaining(notebook, at);
    if (!cell) continue;
    const facts = factsOf(innermost(at, endOf(node)) ?? cell);
    switch (found.kind) {
      case "draw":
        facts.draws.push({ libs: new Set([found.lib]), node, kind: found.draw, label: found.label });
        break;
      case "seed":
        for (const lib of found.libs) facts.seeds.add(lib);
        break;
      case "call": {
        facts.calls.push({ name: found.name, node, label: found.label });
        const list = callsByName.get(found.name);
        if (list) list.push(node);
        else callsByName.set(found.name, [node]);
        break;
      }
      case "generator": {
        const list = generators.get(cell.index) ?? [];
        list.push({ lib: found.lib, node, args: node.field("arguments")!, label: found.label });
        generators.set(cell.index, list);
        break;
      }
    }
  }

  const empty: OwnerFacts = { draws: [], seeds: new Set(), calls: [] };
  const ownerOf = (c: Callable) => ownerFacts.get(c) ?? empty;

  // Seeds first (a monotone fixpoint), then unseeded draws given those seeds.
  const seedsByName = new Map<string, Set<Lib>>();
  const ownSeeds = new Map<Callable, Set<Lib>>();
  const seedsOf = (facts: OwnerFacts, implicit: readonly Callable[] = []): Set<Lib> => {
    const result = new Set(facts.seeds);
    for (const { name } of facts.calls) for (const lib of seedsByName.get(name) ?? []) result.add(lib);
    for (const m of implicit) for (const lib of ownSeeds.get(m) ?? []) result.add(lib);
    return result;
  };
  const grow = (target: Set<Lib>, libs: Iterable<Lib>): boolean => {
    const before = target.size;
    for (const lib of libs) target.add(lib);
    return target.size > before;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of callables) {
      const seeds = seedsOf(ownerOf(c), construction.get(c));
      if (!ownSeeds.has(c)) ownSeeds.set(c, new Set());
      if (!seedsByName.has(c.name)) seedsByName.set(c.name, new Set());
      if (grow(ownSeeds.get(c)!, seeds)) changed = true;
      if (grow(seedsByName.get(c.name)!, seeds)) changed = true;
    }
  }
  const drawsByName = new Map<string, Set<Lib>>();
  const drawsOf = (facts: OwnerFacts, implicit: readonly Callable[] = []): Draw[] => {
    const result = [...facts.draws];
    for (const { name, node, label } of facts.calls) {
      const libs = drawsByName.get(name);
      if (libs && libs.size > 0) result.push({ libs, node, kind: "calls", label });
    }
    for (const m of implicit) result.push(...drawsOf(ownerOf(m)));
    return result.sort((a, b) => position(a.node) - position(b.node));
  };
  const unseededDraws = (c: Callable): Draw[] => {
    const seeds = ownSeeds.get(c) ?? new Set<Lib>();
    return drawsOf(ownerOf(c), construction.get(c)).filter((d) => [...d.libs].some((lib) => !seeds.has(lib)));
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of callables) {
      const seeds = ownSeeds.get(c) ?? new Set<Lib>();
      const libs = unseededDraws(c).flatMap((d) => [...d.libs].filter((lib) => !seeds.has(lib)));
      if (!drawsByName.has(c.name)) drawsByName.set(c.name, new Set());
      if (grow(drawsByName.get(c.name)!, libs)) changed = true;
    }
  }

  return {
    callables,
    seedsByName,
    drawsByName,
    callsByName,
    importedSeeders,
    importedLibs,
    cellDraws: (cell) => drawsOf(ownerFacts.get(cell) ?? empty),
    cellSeeds: (cell) => seedsOf(ownerFacts.get(cell) ?? empty),
    callableOf: (cell) => callables.find((c) => c.node.id() === cell.definition?.id()),
    callableDraws: unseededDraws,
    cellGenerators: (cell) => generators.get(cell.index) ?? [],
  };
}

/** A call's arguments, read from the tree only when needed (a keyword needs its name in the call's text). */
class CallArguments {
  private facts: ArgumentFacts | undefined;
  private text: string | undefined;
  constructor(private readonly call: PyNode) {}
  get all(): ArgumentFacts {
    return (this.facts ??= argumentsOf(this.call.field("arguments")));
  }
  private mentions(name: string): boolean {
    return (this.text ??= this.call.text()).includes(name);
  }
  hasKeyword(name: string): boolean {
    return this.mentions(name) && this.all.keywords.has(name);
  }
  keyword(name: string): string | undefined {
    return this.mentions(name) ? this.all.keywords.get(name) : undefined;
  }
}

function classifyPath(path: string, args: CallArguments, text: string): Classified | undefined {
  const label = `${text}()`;
  const facts = () => args.all;
  if (path.startsWith("torch.")) {
    if (TORCH_SEED.test(path)) return facts().positional + facts().keywords.size > 0 ? { kind: "seed", libs: ["torch"] } : undefined;
    if (TORCH_DRAW.test(path)) return args.hasKeyword("generator") ? undefined : { kind: "draw", lib: "torch", draw: "draws", label };
    const init = TORCH_INIT.exec(path);
    if (init) return TORCH_INIT_CONSTANT.has(init[1]!) ? undefined : { kind: "draw", lib: "torch", draw: "init", label };
    if (TORCH_MODULE.test(path)) return { kind: "draw", lib: "torch", draw: "module", label };
    if (TORCH_LOADER.test(path)) {
      const shuffle = args.keyword("shuffle");
      if (shuffle === undefined || ["False", "None", "0"].includes(shuffle) || args.hasKeyword("generator")) return undefined;
      return { kind: "draw", lib: "torch", draw: "shuffle", label: `${text}(shuffle=${shuffle})` };
    }
    if (TORCH_SAMPLER.test(path)) return args.hasKeyword("generator") ? undefined : { kind: "draw", lib: "torch", draw: "sample", label };
    if (TORCH_SPLIT.test(path)) return args.hasKeyword("generator") ? undefined : { kind: "draw", lib: "torch", draw: "split", label };
    return undefined;
  }
  const numpy = NUMPY_RANDOM.exec(path);
  if (numpy) {
    const fn = numpy[1]!;
    if (fn === "seed") return facts().unseeded ? undefined : { kind: "seed", libs: ["numpy"] };
    if (fn === "default_rng" || fn === "RandomState") {
      if (facts().unseeded) return { kind: "generator", lib: "numpy", label };
      // The guide counts a seeded generator as the cell's seeding.
      return fn === "default_rng" ? { kind: "seed", libs: ["numpy"] } : undefined;
    }
    if (NUMPY_NOT_DRAW.has(fn) || !/^[a-z]/.test(fn)) return undefined;
    return { kind: "draw", lib: "numpy", draw: "draws", label };
  }
  const random = /^random\.(\w+)$/.exec(path);
  if (random) {
    const fn = random[1]!;
    if (fn === "seed") return facts().unseeded ? undefined : { kind: "seed", libs: ["random"] };
    if (fn === "Random") return facts().unseeded ? { kind: "generator", lib: "random", label } : undefined;
    if (RANDOM_DRAW.has(fn)) return { kind: "draw", lib: "random", draw: fn === "shuffle" ? "shuffle" : "draws", label };
    return undefined;
  }
  return undefined;
}

/** `def f(seed)`, `def f(seed: int = 42, deterministic=True)`, `def f(*args)`: callable as `f(x)`. */
function takesOneArgument(node: PyNode): boolean {
  if (node.kind() !== "function_definition") return false;
  const params = node.field("parameters");
  if (!params) return false;
  let required = 0;
  let slots = 0;
  let keywordOnly = false;
  for (const p of params.namedChildren()) {
    const kind = p.kind();
    if (kind === "keyword_separator") keywordOnly = true;
    else if (kind === "list_splat_pattern") {
      slots++;
      keywordOnly = true;
    }
    else if (kind === "identifier" || kind === "typed_parameter") {
      if (keywordOnly) return false;
      required++;
      slots++;
    } else if (kind === "default_parameter" || kind === "typed_default_parameter") {
      if (!keywordOnly) slots++;
    }
  }
  return required <= 1 && slots >= 1;
}

/** The cell whose range contains `offset` (cells are in source order and never overlap). */
function cellContaining(notebook: Notebook, offset: number): Cell | undefined {
  const cells = notebook.cells;
  let lo = 0;
  let hi = cells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cells[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const cell = cells[lo];
  return cell && cell.start <= offset && offset < cell.end ? cell : undefined;
}
