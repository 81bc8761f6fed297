// Short names for what a piece of expensive work makes, read from its code: the name its result
// is assigned to (`fmnist = datasets.FashionMNIST(...)`), the model a download fetches
// (`from_pretrained("org/name")`), the estimator a `.fit(` fits, the packages a `pip install`
// installs. NVR003 uses them to tell apart buttons that would otherwise share a label.
import { endOf, startOf, type PyNode } from "../../notebook/python.js";
import type { ExpensiveWork } from "./expensive-work.js";

/** Longest name worth putting in a button label. */
const MAX_LENGTH = 30;
/** Names that say nothing about what the cell makes. */
const GENERIC = new Set(["result", "results", "res", "out", "output", "outputs", "ret", "tmp", "temp", "value", "values"]);
/** Keyword arguments of download calls that name the model or repository. */
const MODEL_KEYWORDS = new Set(["pretrained_model_name_or_path", "model", "model_id", "model_name", "repo_id"]);

/**
 * Names for what `work` makes, best first, each at most MAX_LENGTH characters of letters,
 * digits, `_`, `.`, `-` (and `, ` between package names). Empty when the code names nothing.
 */
export function workNames(work: ExpensiveWork): string[] {
  const names: Array<string | undefined> = [];
  const call = work.node.kind() === "call" ? work.node : undefined;
  switch (work.kind) {
    case "fit":
      // `clf.fit(X, y)`: the estimator; `history = model.fit(...)` still names the model.
      names.push(call && receiverName(call), assignedName(work.node));
      break;
    case "install":
      names.push(call && installedPackages(call), assignedName(work.node));
      break;
    case "download":
      names.push(assignedName(work.node), call && modelId(call), call && /download\s*=\s*True/.test(work.detail) ? calleeName(call) : undefined);
      break;
    default:
      names.push(assignedName(work.node));
  }
  return [...new Set(names.filter((n): n is string => n !== undefined && n.length <= MAX_LENGTH))];
}

function same(a: PyNode | null | undefined, b: PyNode): boolean {
  return a !== null && a !== undefined && startOf(a) === startOf(b) && endOf(a) === endOf(b) && a.kind() === b.kind();
}

/**
 * The name the value of `node` is assigned to, through a chain of calls and attributes
 * (`vae = AutoencoderKL.from_pretrained(...).to(device)`): the first of several targets,
 * without leading underscores (`_config` → `config`). Undefined for generic names (`result`).
 */
export function assignedName(node: PyNode): string | undefined {
  let current = node;
  for (let parent = current.parent(); parent; current = parent, parent = parent.parent()) {
    const kind = parent.kind();
    if (kind === "attribute" && same(parent.field("object"), current)) continue;
    if (kind === "call" && same(parent.field("function"), current)) continue;
    if (kind === "await" || kind === "parenthesized_expression") continue;
    if (kind !== "assignment" || !same(parent.field("right"), current)) return undefined;
    return targetName(parent.field("left"));
  }
  return undefined;
}

function targetName(target: PyNode | null | undefined): string | undefined {
  if (!target) return undefined;
  switch (target.kind()) {
    case "identifier":
      return usefulName(target.text());
    case "attribute":
      return usefulName(target.field("attribute")?.text() ?? "");
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "parenthesized_expression": {
      for (const element of target.namedChildren()) {
        const name = targetName(element);
        if (name) return name;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function usefulName(name: string): string | undefined {
  const bare = name.replace(/^_+/, "");
  return /^[A-Za-z]\w+$/.test(bare) && !GENERIC.has(bare.toLowerCase()) ? bare : undefined;
}

/** `clf` of `clf.fit(...)`, `model` of `self.model.fit(...)`. */
function receiverName(call: PyNode): string | undefined {
  const object = call.field("function")?.field("object");
  if (object?.kind() === "identifier") return usefulName(object.text());
  if (object?.kind() === "attribute") return usefulName(object.field("attribute")?.text() ?? "");
  return undefined;
}

/** `FashionMNIST` of `datasets.FashionMNIST(..., download=True)`. */
function calleeName(call: PyNode): string | undefined {
  const fn = call.field("function");
  if (fn?.kind() === "identifier") return usefulName(fn.text());
  if (fn?.kind() === "attribute") return usefulName(fn.field("attribute")?.text() ?? "");
  return undefined;
}

function argumentsOf(call: PyNode): PyNode[] {
  return call.field("arguments")?.namedChildren().filter((a) => a.kind() !== "comment") ?? [];
}

/** The text of a plain string literal (no f-string, no escapes), else undefined. */
function literal(node: PyNode | null | undefined): string | undefined {
  const match = /^[rRuU]?(?:"([^"\\{}\n]*)"|'([^'\\{}\n]*)')$/.exec(node?.text() ?? "");
  return match ? (match[1] ?? match[2]) : undefined;
}

/** `clip-vit-large-patch14` of `from_pretrained("openai/clip-vit-large-patch14")`. */
function modelId(call: PyNode): string | undefined {
  const args = argumentsOf(call);
  const named = args.find((a) => a.kind() === "keyword_argument" && MODEL_KEYWORDS.has(a.field("name")?.text() ?? ""));
  const id = literal(named ? named.field("value") : args[0]);
  const last = id?.split("/").filter((part) => part !== "").at(-1);
  return last !== undefined && /^[\w.-]+$/.test(last) && /[A-Za-z]/.test(last) ? last : undefined;
}

/**
 * The packages of `subprocess.run(["pip", "install", "-U", "transformers"])` or
 * `os.system("pip install transformers")`, without versions: `transformers`, `a, b`, `a, …`.
 */
function installedPackages(call: PyNode): string | undefined {
  const first = argumentsOf(call)[0];
  if (!first) return undefined;
  let words: string[];
  if (first.kind() === "list" || first.kind() === "tuple") words = first.namedChildren().map((e) => literal(e) ?? "");
  else {
    const text = literal(first);
    if (text === undefined) return undefined;
    words = text.split(/\s+/);
  }
  const at = words.findIndex((w) => w === "install" || w === "add");
  if (at < 0) return undefined;
  const packages: string[] = [];
  for (let i = at + 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === "&&" || word === ";" || word === "|") break;
    // Options, and the file or directory after -r / -e / -c.
    if (/^-[rec]$|^--(requirement|editable|constraint|index-url|extra-index-url|target|prefix)$/.test(word)) i++;
    if (word.startsWith("-")) continue;
    const name = /^[A-Za-z0-9][\w.-]*/.exec(word)?.[0];
    if (!name || word.includes("/") || word.includes(":")) return undefined;
    packages.push(name);
  }
  if (packages.length === 0) return undefined;
  const all = packages.join(", ");
  return all.length <= MAX_LENGTH ? all : `${packages[0]}, …`;
}
