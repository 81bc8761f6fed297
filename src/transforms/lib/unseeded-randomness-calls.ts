// NVS001's view of a notebook's random number generation: which calls draw from a global
// generator (Python's `random`, NumPy's legacy `np.random`, PyTorch), which calls seed those
// generators, which calls build a generator from operating-system entropy
// (`np.random.default_rng()`), and which notebook-defined functions and classes do either when
// called. Import aliases are resolved (`import torch as t`, `from numpy import random as npr`).
import { cellAt, type Cell, type Notebook } from "../../notebook/model.js";
import type { Rule } from "@ast-grep/napi";
import type { PyNode } from "../../notebook/python.js";
import { importsModule, importsOf } from "./imports.js";
import { escapeRegex } from "./regex.js";
import { keepClosures, keepShape } from "../../notebook/shapes.js";
import { byStart } from "./predicates.js";
import { isPrivateName } from "../../notebook/scope.js";

export type Lib = "random" | "numpy" | "torch";
export const LIBS: readonly Lib[] = ["random", "numpy", "torch"];

/** How a call draws: wording for the diagnostic. */
export type DrawKind = "draws" | "init" | "module" | "shuffle" | "sample" | "split" | "calls";

export interface Draw {
  readonly libs: ReadonlySet<Lib>;
  /** The call (or the function passed as an argument), read from the tree on first use. */
  readonly node: PyNode;
  readonly start: number;
  readonly kind: DrawKind;
  /** How to name the call in a message, e.g. `torch.randn()`. */
  readonly label: string;
}

/** `np.random.default_rng()`, `np.random.RandomState()`, `random.Random()` with no seed. */
export interface UnseededGenerator {
  readonly lib: Lib;
  readonly node: PyNode;
  readonly start: number;
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
  readonly isClass: boolean;
  /** The function accepts a single positional argument (so `name(seed)` is a valid call). */
  readonly takesOneArgument: boolean;
}

/** Everything a piece of code does directly (not inside nested functions). */
interface OwnerFacts {
  /** The callable, or the cell whose top level this is (undefined for the shared empty facts). */
  readonly owner: Callable | Cell | undefined;
  /** The owner is a cell's top level (its public names are the notebook's globals). */
  readonly topLevel: boolean;
  readonly draws: Draw[];
  readonly seeds: Set<Lib>;
  readonly calls: Array<{ name: string; start: number; node: () => PyNode; label: string }>;
}

export interface RandomnessFacts {
  readonly callables: readonly Callable[];
  /** Libraries each callable name seeds when called (its body, transitively). */
  readonly seedsByName: ReadonlyMap<string, ReadonlySet<Lib>>;
  /** Libraries each callable name draws from without seeding them (transitively). */
  readonly drawsByName: ReadonlyMap<string, ReadonlySet<Lib>>;
  /** Where each callable name is called (start offsets). */
  readonly callsByName: ReadonlyMap<string, readonly number[]>;
  /**
   * Libraries from which each callable name draws a seed on purpose (see `seedDrawsOf`),
   * directly or through the functions it calls.
   */
  readonly seedDrawsByName: ReadonlyMap<string, ReadonlySet<Lib>>;
  /** What each cell's top-level code does, calls of notebook functions resolved. */
  cellDraws(cell: Cell): Draw[];
  /**
   * Draws a cell's top-level code makes only to get a new seed (`seed = random.randint(0, MAX_SEED)`
   * then `manual_seed(seed)`), directly or through the notebook functions it calls. They are
   * not in `cellDraws`: seeding the cell would make them the same on every run.
   */
  cellSeedDraws(cell: Cell): Draw[];
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

/**
 * Last names of calls that take a seed: the global seeders, `torch.Generator().manual_seed`,
 * the generator constructors (`np.random.default_rng(seed)`, `random.Random(seed)`), and
 * seeding helpers (SEEDER_NAME). All are among INTERESTING, so the query already returns them.
 */
const SEEDING_WORD = /^(?:manual_seed(?:_all)?|seed|default_rng|RandomState|Random|SeedSequence)$/;
/** Functions that may wrap a drawn seed on its way to its name: `seed = int(np.random.randint(...))`. */
const SEED_WRAPPER = /^(?:int|abs)$/;
/** The last name of a called expression's text. */
const LAST_NAME = /([\p{L}\p{N}_]+)\s*$/u;

/**
 * Where a draw's value goes when it is a seed in the making: the name an assignment (or walrus)
 * binds it to, or `seeding` when it is passed straight to a seeding call. The value may pass
 * through parentheses, arithmetic (`% MAX_SEED`), a conditional expression, `int(...)`/`abs(...)`
 * and method calls on it (`.item()`). Reads a few parents of the call, never the whole tree.
 */
function seedTarget(call: PyNode, passesSeed: (call: PyNode, argument: PyNode) => boolean): string | "seeding" | undefined {
  let child = call;
  for (let depth = 0; depth < 12; depth++) {
    const parent = child.parent();
    if (!parent) return undefined;
    switch (parent.kind()) {
      case "assignment": {
        const left = parent.field("left");
        if (parent.field("right")?.id() !== child.id() || left?.kind() !== "identifier") return undefined;
        return left.text();
      }
      case "named_expression": {
        // `manual_seed(s := random.getrandbits(32))`: where the walrus goes, else its name.
        const name = parent.field("name");
        if (parent.field("value")?.id() !== child.id() || name?.kind() !== "identifier") return undefined;
        return seedTarget(parent, passesSeed) ?? name.text();
      }
      case "parenthesized_expression":
      case "binary_operator":
      case "unary_operator":
        break;
      case "conditional_expression": {
        // `a if condition else b`: a value, not the condition.
        const parts = parent.namedChildren().filter((n) => n.kind() !== "comment");
        if (parts[1]?.id() === child.id()) return undefined;
        break;
      }
      case "attribute":
        if (parent.field("object")?.id() !== child.id()) return undefined;
        break;
      case "call":
        // A method called on the value (`.item()`); the value as an argument is `argument_list`.
        if (parent.field("function")?.id() !== child.id()) return undefined;
        break;
      case "keyword_argument":
        if (parent.field("value")?.id() !== child.id()) return undefined;
        break;
      case "argument_list": {
        const outer = parent.parent();
        const callee = outer?.kind() === "call" ? outer.field("function") : null;
        if (!outer || !callee) return undefined;
        if (passesSeed(outer, child)) return "seeding";
        if (callee.kind() !== "identifier" || !SEED_WRAPPER.test(callee.text())) return undefined;
        child = outer;
        continue;
      }
      default:
        return undefined;
    }
    child = parent;
  }
  return undefined;
}

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
/** Methods that run when a class is instantiated. */
const CONSTRUCTION_METHODS = new Set(["__init__", "__new__", "__post_init__", "reset_parameters"]);

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

/**
 * Blanks, comments and line continuations that tree-sitter allows between two tokens (a superset).
 * A comment runs to its line's end, newline included: `#[^\n]*` alone could end anywhere, and a
 * line of `#`s (a banner) would split in exponentially many ways while the regex backtracks.
 */
const EXTRAS = `(?:[\\s\\uFEFF\\u2060\\u200B\\\\]|#[^\\n]*\\n)`;
/** An ASCII word that an argument list follows: the last name of a called expression, when ASCII. */
const ASCII_CALLED_WORD = new RegExp(`(?<![A-Za-z0-9_])[A-Za-z0-9_]+(?=${EXTRAS}*\\()`, "g");
/** What follows the last name of a called expression: its argument list. */
const ARGUMENTS_AFTER = new RegExp(`${EXTRAS}*\\(`, "y");
/** A character of a Python identifier or of the native matcher's `\w`. */
const NAME_CHAR = /[\p{XID_Continue}\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/u;
const NON_ASCII = /[^\x00-\x7f]/g;
const BLANK_OR_CONTINUATION = /[\s\uFEFF\u2060\u200B\\]/;

interface CalledWords {
  /** Every run of name characters that an argument list follows (past blanks and comments). */
  readonly words: ReadonlySet<string>;
  /** The ASCII ones after a `.` (or first on their line, where a comment may hide the dot): `x.name(`. */
  readonly dotted: ReadonlySet<string>;
  /**
   * Whether every run is ASCII. Then the last name of a called expression is one of `words`
   * itself; otherwise it may be any suffix of one.
   */
  readonly ascii: boolean;
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function charBefore(text: string, index: number): string {
  const c = text.charCodeAt(index - 1);
  return c >= 0xdc00 && c <= 0xdfff && index >= 2 && /[\ud800-\udbff]/.test(text[index - 2]!) ? text.slice(index - 2, index) : text[index - 1]!;
}

/** Whether a `.` precedes `index` past blanks, or a line break (a comment may end that line). */
function afterDotOrLineBreak(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === "." || c === "\n") return true;
    if (!BLANK_OR_CONTINUATION.test(c)) return false;
  }
  return false;
}

/** The words that may end a called expression, found in the text (a superset). */
function calledWordsOf(source: string): CalledWords {
  const words = new Set<string>();
  const dotted = new Set<string>();
  const add = (word: string, start: number) => {
    words.add(word);
    if (afterDotOrLineBreak(source, start)) dotted.add(word);
  };
  // Most argument lists follow their name at once (`f(`, `f (`): read the word backwards from
  // each `(`. A line break, comment or continuation before a `(` needs the full scan.
  let simple = true;
  for (let open = source.indexOf("("); open !== -1 && simple; open = source.indexOf("(", open + 1)) {
    let end = open;
    while (end > 0 && (source.charCodeAt(end - 1) === 32 || source.charCodeAt(end - 1) === 9)) end--;
    let start = end;
    while (start > 0 && isAsciiWordCode(source.charCodeAt(start - 1))) start--;
    if (start < end) add(source.slice(start, end), start);
    else if (end > 0 && BLANK_OR_CONTINUATION.test(source[end - 1]!)) simple = false;
  }
  if (!simple) {
    words.clear();
    dotted.clear();
    for (const m of source.matchAll(ASCII_CALLED_WORD)) add(m[0], m.index);
  }
  let ascii = true;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(source); m; m = NON_ASCII.exec(source)) {
    const first = String.fromCodePoint(source.codePointAt(m.index)!);
    if (!NAME_CHAR.test(first)) continue;
    let start = m.index;
    while (start > 0) {
      const c = charBefore(source, start);
      if (!NAME_CHAR.test(c)) break;
      start -= c.length;
    }
    let end = m.index;
    while (end < source.length) {
      const c = String.fromCodePoint(source.codePointAt(end)!);
      if (!NAME_CHAR.test(c)) break;
      end += c.length;
    }
    ARGUMENTS_AFTER.lastIndex = end;
    if (ARGUMENTS_AFTER.test(source)) {
      words.add(source.slice(start, end));
      ascii = false;
    }
    NON_ASCII.lastIndex = end;
  }
  return { words, dotted, ascii };
}

/** The first character after `index` that is not a blank, a comment or a line continuation. */
function nextToken(text: string, index: number): string | undefined {
  for (let i = index; i < text.length; i++) {
    const c = text[i]!;
    if (c === "#") {
      const eol = text.indexOf("\n", i);
      if (eol === -1) return undefined;
      i = eol;
    } else if (!BLANK_OR_CONTINUATION.test(c)) return c;
  }
  return undefined;
}

/** Every function and class definition, cells' own `def _()` included (told apart by position). */
const DEFINITIONS: Rule[] = [{ kind: "function_definition" }, { kind: "class_definition" }];
/**
 * Rust's Unicode `\s` (White_Space) written out: the same characters, but a regex that names
 * them compiles in a third of the time, and the native side compiles it on every query.
 */
const RUST_SPACE = "[\\t-\\r \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]";
/**
 * A call whose called expression (a name or an attribute) ends with one of `words` (an
 * alternation). Matching the call and testing its `function` child visits a few hundred calls
 * rather than thousands of names.
 */
function calleeRule(words: string): Rule {
  return { kind: "call", has: { field: "function", any: [{ kind: "identifier" }, { kind: "attribute" }], regex: `(?:^|\\.)${RUST_SPACE}*(?:${words})${RUST_SPACE}*$` } };
}
/** A name passed as an argument (`model.apply(init_weights)`), one of `names` (an alternation). */
function argumentRule(names: string): Rule {
  return {
    kind: "identifier",
    regex: `^(?:${names})$`,
    any: [{ inside: { kind: "argument_list" } }, { inside: { kind: "keyword_argument", field: "value" } }],
  };
}

/** A call (or a notebook function passed as an argument) worth classifying. */
interface Interesting {
  readonly start: number;
  /** End of the called expression; orders calls that start together as a tree walk does (outer first). */
  readonly end: number;
  readonly rank: number;
  readonly found: Classified | undefined;
  /** The call (or the argument), read from the tree on first use. */
  readonly node: () => PyNode;
  readonly call: () => PyNode;
}

function lazyNode(read: () => PyNode): () => PyNode {
  let node: PyNode | undefined;
  return () => (node ??= read());
}

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

  // The calls worth a look are those whose last name is a random function's (`.randn`), follows
  // a random module (`np.random.permutation`, `rnd.gauss`), is imported, or is a notebook
  // function's (`lastWords`). The native query lists these words in its regex; each word costs
  // microseconds to compile, so only words that some argument list follows in the text are
  // listed, and the names of notebook functions only once they matter: when the function draws
  // or seeds (a call of any other notebook function changes nothing). The query may return more
  // than the calls asked for; the exact tests below (`calledExpression`) decide.
  const definedNames = new Set<string>();
  for (const m of source.matchAll(DEFINED_NAME)) definedNames.add(m[1]!);
  const called = calledWordsOf(source);
  const isCalled = called.ascii
    ? (word: string) => called.words.has(word)
    : (word: string) => {
        for (const w of called.words) if (w.endsWith(word)) return true;
        return false;
      };
  const interestingWord = (word: string) => INTERESTING_LITERALS.has(word) || (INTERESTING_HINT.test(word) && INTERESTING_WORD.test(word));
  const firstWords = new Set<string>();
  const consider = (word: string) => {
    if (isCalled(word)) firstWords.add(word);
  };
  if (called.ascii) {
    // Each called word is a word of the source (a maximal ASCII run), as `wordsOf` lists them.
    for (const word of called.words) if (interestingWord(word)) firstWords.add(word);
  } else {
    for (const word of wordsOf(source)) if (interestingWord(word)) consider(word);
  }
  for (const m of source.matchAll(SOURCE_RANDOM_ATTRIBUTE)) consider(m[1]!);
  if (randomModules.length > 0) {
    const afterModule = new RegExp(`(?:${randomModules.map(escapeRegex).join("|")})${S}*\\.${S}*(${W}+)`, "gu");
    for (const m of source.matchAll(afterModule)) consider(m[1]!);
  }
  for (const name of paths.keys()) consider(name);
  // A notebook function's name after a dot (`random.my_function()`) may rank as a random
  // module's function: looked at from the start, like the other words.
  for (const name of definedNames) if (!called.ascii || called.dotted.has(name)) consider(name);

  // Notebook-defined functions and classes, from the query. A cell's own `def _()` is not one:
  // it is the first definition the query meets in the cell (its decorators cannot hold one).
  const callables: Callable[] = [];
  const callableOfCell = new Map<number, Callable>();
  let seenCell: Cell | undefined;
  const addCallable = (node: PyNode, start: number, end: number, isClass: boolean): void => {
    const cell = cellAt(notebook, start);
    const first = cell !== undefined && cell !== seenCell;
    if (first) seenCell = cell;
    if (first && cell.kind === "cell") return;
    const name = DEFINITION_NAME.exec(source.slice(start, end))?.[1] ?? node.field("name")?.text();
    if (!name) return;
    let oneArgument: boolean | undefined;
    const callable: Callable = {
      name,
      node,
      start,
      end,
      isClass,
      get takesOneArgument() {
        return (oneArgument ??= takesOneArgument(node));
      },
    };
    callables.push(callable);
    if (first && (cell.kind === "function" || cell.kind === "class")) callableOfCell.set(cell.index, callable);
  };

  const interesting: Interesting[] = [];
  const queriedCallees = new Set<string>();
  const queriedArguments = new Set<string>();
  let callableNames = new Set<string>();
  let bare = new Set<string>();
  let moduleAttribute: RegExp | undefined;
  const randomModuleSet = new Set(randomModules);

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

  const mentioned = new Map<string, boolean>();
  const inSource = (word: string): boolean => {
    let found = mentioned.get(word);
    if (found === undefined) mentioned.set(word, (found = source.includes(word)));
    return found;
  };
  const classify = (call: () => PyNode, start: number, fnText: string): Classified | undefined => {
    const text = fnText.replace(/\s+/g, "");
    const args = new CallArguments(call, source, start, inSource);
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

  /** Runs one native query for the callees named by `callees` and the arguments named by `args`. */
  const search = (callees: readonly string[], args: readonly string[], withDefinitions: boolean): void => {
    const rules: Rule[] = withDefinitions ? [...DEFINITIONS] : [];
    if (callees.length > 0) rules.push(calleeRule(callees.map(escapeRegex).join("|")));
    if (args.length > 0) rules.push(argumentRule(args.map(escapeRegex).join("|")));
    for (const word of callees) queriedCallees.add(word);
    for (const name of args) queriedArguments.add(name);
    if (rules.length === 0) return;
    // `node` is the called expression; `call` the call, when the query returned it.
    const calls: Array<{ node: PyNode; call: PyNode | undefined; start: number; end: number }> = [];
    const names: Array<{ node: PyNode; start: number; end: number }> = [];
    // Called expressions already taken from their call: an argument name (`f(g())`) that is
    // also a called expression comes right after its call in the query's (tree) order.
    const calleeStarts = new Set<number>();
    for (const node of notebook.root.root().findAll({ rule: { any: rules } })) {
      // The kind first: a call needs its callee's range, not its own (each range is a native call).
      const kind = node.kind();
      if (kind === "call") {
        const callee = node.field("function")!;
        const calleeRange = callee.range();
        calleeStarts.add(calleeRange.start.index);
        calls.push({ node: callee, call: node, start: calleeRange.start.index, end: calleeRange.end.index });
        continue;
      }
      const range = node.range();
      const start = range.start.index;
      const end = range.end.index;
      if (kind === "function_definition" || kind === "class_definition") {
        addCallable(node, start, end, kind === "class_definition");
      } else if (args.length > 0 && nextToken(source, end) !== "(") {
        names.push({ node, start, end });
      } else if (!calleeStarts.has(start)) {
        calls.push({ node, call: undefined, start, end });
      }
    }
    if (withDefinitions) {
      callableNames = new Set<string>();
      for (const callable of callables) callableNames.add(callable.name);
      bare = new Set([...paths.keys(), ...callableNames]);
      moduleAttribute = randomModules.length > 0 ? rustRegex(`^\\s*(?:${randomModules.map(escapeRegex).join("|")})\\s*\\.\\s*\\w+\\s*$`) : undefined;
    }
    for (const { node, call: callNode, start, end } of calls) {
      const fnText = source.slice(start, end);
      const rank = calledExpression(fnText);
      if (rank < 0) continue;
      const call = callNode ? () => callNode : lazyNode(() => node.parent()!);
      interesting.push({ start, end, rank, found: classify(call, start, fnText), node: call, call });
    }
    for (const { node, start, end } of names) {
      const name = source.slice(start, end);
      if (!callableNames.has(name)) continue;
      interesting.push({ start, end, rank: 4, found: { kind: "call", name, label: name }, node: () => node, call: () => node });
    }
  };

  keepClosures("analyzeRandomness", interestingWord, consider, addCallable, calledExpression, inSource, classify, search);
  search([...firstWords], [], true);
  let facts = computeFacts(notebook, callables, interesting);
  // A notebook function that draws or seeds: its calls (and uses as a callback) count too, and
  // may make their callers draw or seed in turn.
  let mayBeArgument: boolean | undefined;
  for (;;) {
    // A function that draws a seed on purpose too: a cell that calls it must not be seeded.
    const active = [...callableNames].filter(
      (name) =>
        (facts.seedsByName.get(name)?.size ?? 0) > 0 || (facts.drawsByName.get(name)?.size ?? 0) > 0 || (facts.seedDrawsByName.get(name)?.size ?? 0) > 0,
    );
    const callees = active.filter((name) => definedNames.has(name) && !firstWords.has(name) && !queriedCallees.has(name) && isCalled(name));
    let args: string[] = [];
    if (active.some((name) => definedNames.has(name) && !queriedArguments.has(name))) {
      mayBeArgument ??= definedNamesMayBeArguments(source, definedNames);
      if (mayBeArgument) args = active.filter((name) => definedNames.has(name) && !queriedArguments.has(name));
    }
    if (callees.length === 0 && args.length === 0) break;
    search(callees, args, false);
    facts = computeFacts(notebook, callables, interesting);
  }

  return {
    callables,
    seedsByName: facts.seedsByName,
    drawsByName: facts.drawsByName,
    callsByName: facts.callsByName,
    seedDrawsByName: facts.seedDrawsByName,
    importedSeeders: importedSeedersOf(paths),
    importedLibs,
    cellDraws: facts.cellDraws,
    cellSeeds: facts.cellSeeds,
    cellSeedDraws: facts.cellSeedDraws,
    callableOf: (cell) => callableOfCell.get(cell.index),
    callableDraws: facts.callableDraws,
    cellGenerators: facts.cellGenerators,
  };
}

function importedSeedersOf(paths: ReadonlyMap<string, readonly string[]>): Set<string> {
  const importedSeeders = new Set<string>();
  for (const [local, list] of paths) {
    if (list.some((p) => SEEDER_NAME.test(p.split(".").at(-1) ?? ""))) importedSeeders.add(local);
  }
  return importedSeeders;
}

/** Whether some defined name may stand as an argument (`f(name)`, `f(x, k=name)`). */
function definedNamesMayBeArguments(source: string, definedNames: ReadonlySet<string>): boolean {
  // A name passed as an argument is followed, past blanks and comments, by `,` or `)`.
  const asciiNames = [...definedNames].filter((name) => /^[A-Za-z0-9_]+$/.test(name));
  return (
    (asciiNames.length > 0 && new RegExp(`(?<![A-Za-z0-9_])(?:${asciiNames.join("|")})(?=(?:[ \\t\\r\\n\\f\\\\]|#[^\\n]*\\n)*[,)])`).test(source)) ||
    [...definedNames].some((name) => !/^[A-Za-z0-9_]+$/.test(name) && mayBeArgument(source, name))
  );
}

interface Facts {
  readonly seedsByName: ReadonlyMap<string, ReadonlySet<Lib>>;
  readonly drawsByName: ReadonlyMap<string, ReadonlySet<Lib>>;
  readonly callsByName: ReadonlyMap<string, readonly number[]>;
  readonly seedDrawsByName: ReadonlyMap<string, ReadonlySet<Lib>>;
  cellDraws(cell: Cell): Draw[];
  cellSeedDraws(cell: Cell): Draw[];
  cellSeeds(cell: Cell): Set<Lib>;
  callableDraws(callable: Callable): Draw[];
  cellGenerators(cell: Cell): UnseededGenerator[];
}

/** Source order; calls that start together as a tree walk meets them (outer first). */
function byStartThenRank(a: Interesting, b: Interesting): number {
  return a.start - b.start || a.rank - b.rank || b.end - a.end;
}

/** What each cell and callable does, given the interesting calls found so far. */
function computeFacts(notebook: Notebook, callables: readonly Callable[], found: readonly Interesting[]): Facts {
  const interesting = [...found].sort(byStartThenRank);

  // Owners: a callable (innermost) or a cell's top level.
  const ownerFacts = new Map<Callable | Cell, OwnerFacts>();
  const factsOf = (owner: Callable | Cell, topLevel: boolean): OwnerFacts => {
    let facts = ownerFacts.get(owner);
    if (!facts) ownerFacts.set(owner, (facts = { owner, topLevel, draws: [], seeds: new Set(), calls: [] }));
    return facts;
  };
  // Calls that may take a seed (SEEDING_WORD, SEEDER_NAME, notebook functions): where the
  // names of drawn seeds go.
  const seedingCalls: Array<{ name: string; callable: boolean; owner: OwnerFacts; start: number; call: () => PyNode }> = [];
  const generators = new Map<number, UnseededGenerator[]>();
  const callsByName = new Map<string, number[]>();
  // `callables` is sorted by start. A call inside a callable's range is inside the callable
  // (a call never contains a definition).
  const innermost = (start: number, end: number, self?: Callable): Callable | undefined => {
    let owner: Callable | undefined;
    for (const c of callables) {
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
    if (!parent?.isClass) continue;
    construction.set(parent, [...(construction.get(parent) ?? []), c]);
  }

  for (const { node, call, start: at, end, rank, found } of interesting) {
    // The native query returns the seeding calls that classify as nothing, too
    // (`torch.Generator().manual_seed(seed)`); rank 4 is a name passed as an argument, not a call.
    const seedingName = rank === 4 ? undefined : found?.kind === "call" ? found.name : LAST_NAME.exec(notebook.source.slice(at, end))?.[1];
    const seeding = seedingName !== undefined && (found?.kind === "call" || SEEDING_WORD.test(seedingName) || SEEDER_NAME.test(seedingName));
    if (!found && !seeding) continue;
    const cell = cellAt(notebook, at);
    if (!cell) continue;
    const owner = innermost(at, end);
    const facts = factsOf(owner ?? cell, owner === undefined);
    if (seeding) seedingCalls.push({ name: seedingName, callable: found?.kind === "call", owner: facts, start: at, call });
    if (!found) continue;
    switch (found.kind) {
      case "draw":
        facts.draws.push(drawAt(new Set([found.lib]), at, node, found.draw, found.label));
        break;
      case "seed":
        for (const lib of found.libs) facts.seeds.add(lib);
        break;
      case "call": {
        facts.calls.push({ name: found.name, start: at, node, label: found.label });
        const list = callsByName.get(found.name);
        if (list) list.push(at);
        else callsByName.set(found.name, [at]);
        break;
      }
      case "generator": {
        const list = generators.get(cell.index) ?? [];
        list.push(generatorAt(found.lib, at, call, found.label));
        generators.set(cell.index, list);
        break;
      }
    }
  }

  const empty: OwnerFacts = { owner: undefined, topLevel: false, draws: [], seeds: new Set(), calls: [] };
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
  // A callable that calls, draws and seeds nothing itself (no facts, no constructor) adds nothing.
  const involved = callables.filter((c) => ownerFacts.has(c) || construction.has(c));
  for (const c of callables) {
    ownSeeds.set(c, new Set());
    if (!seedsByName.has(c.name)) seedsByName.set(c.name, new Set());
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of involved) {
      const seeds = seedsOf(ownerOf(c), construction.get(c));
      if (!ownSeeds.has(c)) ownSeeds.set(c, new Set());
      if (!seedsByName.has(c.name)) seedsByName.set(c.name, new Set());
      if (grow(ownSeeds.get(c)!, seeds)) changed = true;
      if (grow(seedsByName.get(c.name)!, seeds)) changed = true;
    }
  }
  // A draw whose value becomes a seed (`seed = random.randint(0, MAX_SEED)` then
  // `torch.Generator().manual_seed(seed)`, or `torch.manual_seed(random.randint(...))`) is the
  // author asking for a new seed on purpose, as behind a "Randomize seed" checkbox: not
  // unseeded randomness. The seed's name must reach a seeding call later in the same function
  // or cell, or, for a cell's public global, at the top level of another cell.
  const isSeedingCallee = (name: string, callable: boolean): boolean =>
    SEEDING_WORD.test(name) || SEEDER_NAME.test(name) || (callable && (seedsByName.get(name)?.size ?? 0) > 0);
  /**
   * The arguments of a seeding call that are its seed: the first positional one (of a notebook
   * function only when it is named like a seeder or takes one argument: `sample(n, model, seed=s)`
   * seeds from `s`, not from `n`), and keyword arguments named like a seed.
   */
  const seedValues = (call: PyNode, name: string, callable: boolean): PyNode[] => {
    const values: PyNode[] = [];
    let positional = !callable || SEEDER_NAME.test(name) || callables.some((c) => c.name === name && c.takesOneArgument);
    for (const argument of call.field("arguments")?.namedChildren() ?? []) {
      const kind = argument.kind();
      if (kind === "comment") continue;
      if (kind === "keyword_argument") {
        const value = argument.field("value");
        if (value && /seed/i.test(argument.field("name")?.text() ?? "")) values.push(value);
      } else {
        // `*args` first: no telling which argument is the seed.
        if (positional && kind !== "list_splat" && kind !== "dictionary_splat") values.push(argument);
        positional = false;
      }
    }
    return values;
  };
  /** Whether `argument` (an entry of the call's argument list) is the seed of a seeding call. */
  const passesSeed = (call: PyNode, argument: PyNode): boolean => {
    const callee = call.field("function");
    if (!callee) return false;
    const text = callee.text();
    const name = LAST_NAME.exec(text)?.[1];
    const callable = callee.kind() === "identifier" && seedsByName.has(text);
    if (name === undefined || !isSeedingCallee(name, callable)) return false;
    const value = argument.kind() === "keyword_argument" ? argument.field("value") : argument;
    return value !== null && seedValues(call, name, callable).some((v) => v.id() === value.id());
  };
  let seedArguments: Map<string, Array<{ owner: OwnerFacts; start: number }>> | undefined;
  /** Where the argument lists of seeding calls start and end (a draw inside one may be its seed). */
  const seedingArgumentRanges: number[] = [];
  /** The names passed to seeding calls as their seed, read from the tree on first use. */
  const seedArgumentsByName = (): Map<string, Array<{ owner: OwnerFacts; start: number }>> => {
    if (seedArguments) return seedArguments;
    seedArguments = new Map();
    for (const { name, callable, owner, start, call } of seedingCalls) {
      if (!isSeedingCallee(name, callable)) continue;
      const range = call().field("arguments")?.range();
      if (range) seedingArgumentRanges.push(range.start.index, range.end.index);
      for (const value of seedValues(call(), name, callable)) {
        if (value.kind() !== "identifier") continue;
        const list = seedArguments.get(value.text());
        if (list) list.push({ owner, start });
        else seedArguments.set(value.text(), [{ owner, start }]);
      }
    }
    return seedArguments;
  };
  const insideSeedingArguments = (at: number): boolean => {
    for (let i = 0; i < seedingArgumentRanges.length; i += 2) if (seedingArgumentRanges[i]! < at && at < seedingArgumentRanges[i + 1]!) return true;
    return false;
  };
  const seedDrawMemo = new Map<number, boolean>();
  const isSeedDraw = (facts: OwnerFacts, start: number, node: () => PyNode): boolean => {
    if (seedingCalls.length === 0 || facts.owner === undefined) return false;
    let known = seedDrawMemo.get(start);
    if (known === undefined) {
      // Without a name passed as a seed, only a draw inside a seeding call's arguments may be one.
      if (seedArgumentsByName().size === 0 && !insideSeedingArguments(start)) return false;
      const call = node();
      const target = call.kind() === "call" ? seedTarget(call, passesSeed) : undefined;
      known = target === "seeding";
      if (target !== undefined && !known) {
        for (const use of seedArgumentsByName().get(target) ?? []) {
          const sameScope = use.owner === facts && use.start > start;
          const otherCell = facts.topLevel && use.owner.topLevel && use.owner !== facts && !isPrivateName(target);
          if (sameScope || otherCell) known = true;
        }
      }
      seedDrawMemo.set(start, known);
    }
    return known;
  };
  /** isSeedDraw for a draw (its node read only when needed). */
  const isSeedDrawOf = (facts: OwnerFacts, draw: Draw): boolean => seedingCalls.length > 0 && isSeedDraw(facts, draw.start, () => draw.node);

  const drawsByName = new Map<string, Set<Lib>>();
  const drawsOf = (facts: OwnerFacts, implicit: readonly Callable[] = []): Draw[] => {
    const result: Draw[] = [];
    for (const draw of facts.draws) if (!isSeedDrawOf(facts, draw)) result.push(draw);
    for (const { name, start, node, label } of facts.calls) {
      const libs = drawsByName.get(name);
      if (libs && libs.size > 0 && !isSeedDraw(facts, start, node)) result.push(drawAt(libs, start, node, "calls", label));
    }
    for (const m of implicit) result.push(...drawsOf(ownerOf(m)));
    return result.sort(byStart);
  };
  const unseededDraws = (c: Callable): Draw[] => {
    const seeds = ownSeeds.get(c) ?? new Set<Lib>();
    return drawsOf(ownerOf(c), construction.get(c)).filter((d) => [...d.libs].some((lib) => !seeds.has(lib)));
  };
  for (const c of callables) if (!drawsByName.has(c.name)) drawsByName.set(c.name, new Set());
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of involved) {
      const seeds = ownSeeds.get(c) ?? new Set<Lib>();
      const libs = unseededDraws(c).flatMap((d) => [...d.libs].filter((lib) => !seeds.has(lib)));
      if (!drawsByName.has(c.name)) drawsByName.set(c.name, new Set());
      if (grow(drawsByName.get(c.name)!, libs)) changed = true;
    }
  }

  // Seed draws last, given the draws: a function's own, and those of the functions it calls.
  const seedDrawsByName = new Map<string, Set<Lib>>();
  const seedDrawsOf = (facts: OwnerFacts, implicit: readonly Callable[] = []): Draw[] => {
    const result: Draw[] = [];
    if (seedingCalls.length === 0) return result;
    for (const draw of facts.draws) if (isSeedDrawOf(facts, draw)) result.push(draw);
    for (const { name, start, node, label } of facts.calls) {
      const libs = drawsByName.get(name);
      if (libs && libs.size > 0 && isSeedDraw(facts, start, node)) result.push(drawAt(libs, start, node, "calls", label));
      else {
        const seedLibs = seedDrawsByName.get(name);
        if (seedLibs && seedLibs.size > 0) result.push(drawAt(seedLibs, start, node, "calls", label));
      }
    }
    for (const m of implicit) result.push(...seedDrawsOf(ownerOf(m)));
    return result.sort(byStart);
  };
  for (const c of callables) if (!seedDrawsByName.has(c.name)) seedDrawsByName.set(c.name, new Set());
  for (let changed = seedingCalls.length > 0; changed; ) {
    changed = false;
    for (const c of involved) {
      const libs = seedDrawsOf(ownerOf(c), construction.get(c)).flatMap((d) => [...d.libs]);
      if (grow(seedDrawsByName.get(c.name)!, libs)) changed = true;
    }
  }

  keepClosures("computeFacts", factsOf, innermost, ownerOf, seedsOf, grow, drawsOf, unseededDraws, isSeedingCallee, seedValues, passesSeed, seedArgumentsByName, insideSeedingArguments, isSeedDraw, isSeedDrawOf, seedDrawsOf);
  return {
    seedsByName,
    drawsByName,
    callsByName,
    seedDrawsByName,
    cellDraws: (cell) => drawsOf(ownerFacts.get(cell) ?? empty),
    cellSeedDraws: (cell) => seedDrawsOf(ownerFacts.get(cell) ?? empty),
    cellSeeds: (cell) => seedsOf(ownerFacts.get(cell) ?? empty),
    callableDraws: unseededDraws,
    cellGenerators: (cell) => generators.get(cell.index) ?? [],
  };
}

function drawAt(libs: ReadonlySet<Lib>, start: number, node: () => PyNode, kind: DrawKind, label: string): Draw {
  return {
    libs,
    start,
    kind,
    label,
    get node() {
      return node();
    },
  };
}

function generatorAt(lib: Lib, start: number, call: () => PyNode, label: string): UnseededGenerator {
  return {
    lib,
    start,
    label,
    get node() {
      return call();
    },
    get args() {
      return call().field("arguments")!;
    },
  };
}

/** A call's arguments, read from the tree only when needed (a keyword needs its name in the call's text). */
class CallArguments {
  private facts: ArgumentFacts | undefined;
  private text: string | undefined;
  constructor(
    private readonly call: () => PyNode,
    private readonly source: string,
    private readonly start: number,
    /** Whether the file mentions a word at all (memoized per file). */
    private readonly inSource: (word: string) => boolean,
  ) {
    keepShape(this);
  }
  get all(): ArgumentFacts {
    return (this.facts ??= argumentsOf(this.call().field("arguments")));
  }
  private mentions(name: string): boolean {
    // The call's text starts at `start`: no later occurrence in the file, no mention.
    if (!this.inSource(name) || this.source.indexOf(name, this.start) === -1) return false;
    return (this.text ??= this.call().text()).includes(name);
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

