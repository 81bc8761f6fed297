import { replaceRange } from "../engine/edits.js";
import { defineRule, type RuleContext, type TextEdit } from "../engine/types.js";
import { byCodePoint } from "../notebook/dataflow.js";
import type { Notebook } from "../notebook/model.js";
import { startOf, type Matcher, type PyNode } from "../notebook/python.js";
import { parse as parseToml } from "smol-toml";
import { importsOf } from "./lib/imports.js";
import { moduleOrigin, normalizeDistribution } from "./lib/missing-dependency-metadata-packages.js";

const docs = `
## What it does
Checks that the notebook declares its dependencies in a PEP 723 \`# /// script\` block, and that
the block's \`dependencies\` list every third-party package the notebook imports (\`cv2\` is
satisfied by \`opencv-python\` or \`opencv-python-headless\`, \`sklearn\` by \`scikit-learn\`,
\`cudf\` by \`cudf-cu12\`, ...). Imports guarded by \`try: ... except ImportError\` are optional and
need not be listed, and so are imports behind the flag such a handler clears
(\`except ImportError: CUGRAPH_AVAILABLE = False\`, then \`if CUGRAPH_AVAILABLE:\` around the
import, or \`if not CUGRAPH_AVAILABLE: return\` before it in the same function).

## Why is this bad?
Without the block nobody can recreate the environment the notebook was written in: \`uv run
notebook.py\` and \`marimo edit --sandbox notebook.py\` install exactly what it lists, and readers
have to guess the rest from import errors (guide, section 7.2 "Environment Documentation").

## Example
\`\`\`python
import marimo

app = marimo.App()

with app.setup:
    import cv2
    import marimo as mo
    import torch
\`\`\`

Use instead:
\`\`\`python
# /// script
# requires-python = ">=3.11"
# dependencies = [
#     "marimo",
#     "opencv-python",
#     "torch",
# ]
# ///

import marimo

app = marimo.App()

with app.setup:
    import cv2
    import marimo as mo
    import torch
\`\`\`

## Fix
Without a block, inserts one at the top of the file (after a shebang or encoding line), in the
format \`uv add --script\` writes: \`requires-python = ">=3.11"\` (\`">=3.12"\` when the notebook uses
type parameters or \`type\` aliases, or f-strings that only Python 3.12 reads: \`f"{d["key"]}"\`, a
backslash or a comment inside a replacement field) and the sorted PyPI names of the
imported packages, \`marimo\` included, standard library left out. A block without
\`dependencies\` gets the list before its closing \`# ///\`; a list that misses packages gets them
added (in sorted position when the list is sorted), keeping its indentation and quotes.

Only import names the rule knows are written: a module it does not recognise may be a local
file next to the notebook (\`from utils import ...\`), and listing it would make \`uv\` install
whatever package of that name PyPI holds. Such modules are named in the message instead; add
them by hand (\`uv add --script notebook.py <package>\`) when they come from PyPI.

## Fix safety
Safe: the block is a comment for Python and marimo; only tools that read PEP 723 metadata see
it. Versions are not pinned: add bounds that match the tested configuration.
`;

/** The opening line of a PEP 723 script block. */
const OPENING = /^# \/\/\/ script\r?$/m;
/** `except ImportError` / `except (ImportError, ...)` / `except ModuleNotFoundError`. */
const OPTIONAL_IMPORT: Matcher = {
  rule: {
    any: [{ kind: "import_statement" }, { kind: "import_from_statement" }],
    inside: {
      stopBy: "end",
      kind: "try_statement",
      has: { kind: "except_clause", regex: "^except[^:]*\\b(ImportError|ModuleNotFoundError)\\b" },
    },
  },
};
/** `except ImportError:` (or `ModuleNotFoundError`) and, on the next line, `NAME = False`. */
const FLAG_CLEARED = /^[ \t]*except\b[^:\n]*\b(?:ImportError|ModuleNotFoundError)\b[^:\n]*:[ \t]*(?:#[^\n]*)?\n[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*False\b/gm;

/** Names an `except ImportError:` handler sets to `False`: `CUGRAPH_AVAILABLE = False`. */
function availabilityFlags(source: string): string[] {
  return [...new Set([...source.matchAll(FLAG_CLEARED)].map((m) => m[1]!))];
}

/**
 * Whether an import runs only when an availability flag is set: inside \`if FLAG:\` (or an
 * \`if\` whose condition reads it), or in a function that returns early on \`if not FLAG:\`
 * before it (cuGraph's helpers: \`if not CUGRAPH_AVAILABLE: return None, None\`, then
 * \`import cudf\`). Such an import is as optional as the one the flag guards.
 */
function behindFlag(node: PyNode, flags: readonly string[]): boolean {
  const reads = (text: string) => flags.some((flag) => new RegExp(`(?<![\\w.])${flag}(?!\\w)`).test(text));
  for (const ancestor of node.ancestors()) {
    const kind = ancestor.kind();
    if (kind === "if_statement" && reads(ancestor.field("condition")?.text() ?? "")) return true;
    if (kind === "function_definition") {
      const before = ancestor.text().slice(0, startOf(node) - startOf(ancestor));
      return flags.some((flag) => new RegExp(`\\bif[ \\t]+not[ \\t]+${flag}[ \\t]*:[^\\n]*\\n?[ \\t]*(?:return|raise)\\b`).test(before));
    }
  }
  return false;
}

const CODING_LINE = /^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+/;
const REQUIRES_PYTHON = ">=3.11";
/** Python 3.12 syntax (PEP 695): `type` aliases and type parameters of a `def` or `class`. */
const PEP_695_TEXT = /^[ \t]*type[ \t]+\w+|(?:def|class)[ \t]+\w+[ \t]*\[/m;
const PEP_695: Matcher = {
  rule: {
    any: [
      { kind: "type_alias_statement" },
      { kind: "type_parameter", inside: { any: [{ kind: "function_definition" }, { kind: "class_definition" }] } },
    ],
  },
};

/** An f-string (a string prefix with `f`) with a replacement field: the only place PEP 701 syntax can be. */
const F_STRING_TEXT = /(?<![\w])[rRbBuU]?[fF][rR]?["'][\s\S]*?\{/;
const INTERPOLATION: Matcher = { rule: { kind: "interpolation" } };

/**
 * Whether a replacement field uses what Python 3.12 (PEP 701) first allows: a string quoted as the
 * f-string around it (`f"{d["key"]}"`, or a triple quote inside the same triple quote), a
 * backslash or a comment in its expression (`f"{'\n'.join(lines)}"`).
 */
function needsPep701(interpolation: PyNode): boolean {
  const outer = interpolation.parent();
  const outerStart = outer?.kind() === "string" ? outer.child(0) : null;
  if (!outerStart) return false;
  const delimiter = outerStart.text().replace(/^[A-Za-z]+/, "");
  const expression = interpolation.namedChildren().find((c) => c.kind() !== "format_specifier" && c.kind() !== "type_conversion");
  if (!expression) return false;
  if (expression.text().includes("\\")) return true;
  for (const inner of interpolation.findAll({ rule: { any: [{ kind: "string_start" }, { kind: "comment" }] } })) {
    if (inner.kind() === "comment") return true;
    const quote = inner.text().replace(/^[A-Za-z]+/, "");
    if (delimiter.length === 1 ? quote[0] === delimiter : quote === delimiter) return true;
  }
  return false;
}

/** The oldest Python that parses the notebook: 3.11, or 3.12 for PEP 695 or PEP 701 syntax. */
function requiresPython(notebook: Notebook): string {
  const root = notebook.root.root();
  const pep695 = PEP_695_TEXT.test(notebook.source) && root.find(PEP_695) !== null;
  const pep701 = !pep695 && F_STRING_TEXT.test(notebook.source) && root.findAll(INTERPOLATION).some(needsPep701);
  return pep695 || pep701 ? ">=3.12" : REQUIRES_PYTHON;
}

interface Dependencies {
  /** For each required import: the distributions that satisfy it (the first is written). */
  readonly required: ReadonlyMap<string, readonly string[]>;
  /** Top-level modules that are neither standard library nor known PyPI packages. */
  readonly unknown: readonly string[];
}

interface ScriptBlock {
  /** Offset of `# /// script`. */
  readonly start: number;
  /** One entry per line after the opening line, up to and including the closing `# ///`. */
  readonly lines: readonly BlockLine[];
  readonly closed: boolean;
}

interface BlockLine {
  readonly start: number;
  /** The line without its line ending. */
  readonly text: string;
}

export const missingDependencyMetadata = defineRule({
  code: "NVS003",
  name: "missing-dependency-metadata",
  section: "7.2",
  severity: "warning",
  fix: "safe",
  summary: "No PEP 723 `# /// script` block listing the packages the notebook imports",
  docs,
  check(context) {
    const { notebook } = context;
    const dependencies = collectDependencies(notebook);
    const block = findScriptBlock(notebook.source);
    if (!block) reportMissingBlock(context, dependencies);
    else checkBlock(context, block, dependencies);
  },
});

function collectDependencies(notebook: Notebook): Dependencies {
  const imports = importsOf(notebook);
  const guarded = imports.length > 0 && /ImportError|ModuleNotFoundError/.test(notebook.source);
  const optional = new Set(guarded ? notebook.root.root().findAll(OPTIONAL_IMPORT).map((n) => n.range().start.index) : []);
  const flags = guarded ? availabilityFlags(notebook.source) : [];
  const required = new Map<string, readonly string[]>([["marimo", ["marimo"]]]);
  const unknown = new Set<string>();
  for (const imported of imports) {
    if (optional.has(imported.node.range().start.index)) continue;
    if (flags.length > 0 && behindFlag(imported.node, flags)) continue;
    const module = imported.attribute !== undefined ? `${imported.module}.${imported.attribute}` : imported.module;
    const origin = moduleOrigin(module);
    if (origin.kind === "known") required.set(origin.distributions[0]!, origin.distributions);
    else if (origin.kind === "unknown") unknown.add(origin.name);
  }
  return { required, unknown: [...unknown].sort(byCodePoint) };
}

function unknownNote(dependencies: Dependencies): string {
  if (dependencies.unknown.length === 0) return "";
  const names = dependencies.unknown.map((n) => `\`${n}\``).join(", ");
  const one = dependencies.unknown.length === 1;
  return `; ${names} ${one ? "is" : "are"} not ${one ? "a known PyPI package" : "known PyPI packages"}: add ${one ? "it" : "them"} by hand if ${one ? "it comes" : "they come"} from PyPI`;
}

function reportMissingBlock(context: RuleContext, dependencies: Dependencies): void {
  const { source } = context.notebook;
  const names = [...dependencies.required.keys()].sort(byCodePoint);
  const at = blockInsertionPoint(source);
  const block = ["# /// script", `# requires-python = "${requiresPython(context.notebook)}"`, "# dependencies = [", ...names.map((n) => `#     "${n}",`), "# ]", "# ///"].join("\n");
  // marimo writes one blank line between the header and `import marimo`; a blank line also keeps
  // the block apart from a comment header that follows it.
  const separator = /^(?:import\s+marimo\b|#)/.test(source.slice(at)) ? "\n\n" : "\n";
  context.report({
    start: 0,
    end: 0,
    message: `No PEP 723 \`# /// script\` block: add one listing the notebook's dependencies (${names.join(", ")}) so that \`uv run\` and \`marimo edit --sandbox\` can recreate its environment${unknownNote(dependencies)}`,
    fix: { description: `Insert a \`# /// script\` block listing ${names.join(", ")}`, edits: [replaceRange(at, at, block + separator)] },
  });
}

/** After a shebang and a PEP 263 encoding line, before everything else. */
function blockInsertionPoint(source: string): number {
  let at = 0;
  const nextLine = (from: number) => {
    const nl = source.indexOf("\n", from);
    return nl === -1 ? source.length : nl + 1;
  };
  if (source.startsWith("#!")) at = nextLine(0);
  // The encoding declaration must stay on line 1 or 2.
  const line = source.slice(at, nextLine(at));
  if (CODING_LINE.test(line)) at = nextLine(at);
  return at;
}

/** PEP 723: `# /// script`, then comment lines; the last `# ///` among them closes the block. */
function findScriptBlock(source: string): ScriptBlock | undefined {
  const match = OPENING.exec(source);
  if (!match) return undefined;
  const lines: BlockLine[] = [];
  let pos = source.indexOf("\n", match.index);
  while (pos !== -1 && pos + 1 < source.length) {
    const start = pos + 1;
    const nl = source.indexOf("\n", start);
    const text = source.slice(start, nl === -1 ? source.length : nl).replace(/\r$/, "");
    if (!(text === "#" || text.startsWith("# "))) break;
    lines.push({ start, text });
    pos = nl;
  }
  let closing = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.text === "# ///") {
      closing = i;
      break;
    }
  }
  return { start: match.index, lines: closing === -1 ? lines : lines.slice(0, closing + 1), closed: closing !== -1 };
}

function checkBlock(context: RuleContext, block: ScriptBlock, dependencies: Dependencies): void {
  const at = { start: block.start, end: block.start + "# /// script".length };
  if (!block.closed) {
    context.report({ ...at, message: "The `# /// script` block has no closing `# ///` line: tools that read PEP 723 metadata ignore it; close it with `# ///`" });
    return;
  }
  const content = block.lines.slice(0, -1).map((l) => l.text.slice(2));
  let metadata: Record<string, unknown>;
  try {
    metadata = parseToml(content.join("\n")) as Record<string, unknown>;
  } catch (error) {
    context.report({ ...at, message: `The \`# /// script\` block is not valid TOML (${(error as Error).message.split("\n")[0]}): fix it so that \`uv\` can read the dependencies` });
    return;
  }
  const listed = metadata["dependencies"];
  if (listed === undefined) {
    reportNoDependencyList(context, block, dependencies);
    return;
  }
  if (!Array.isArray(listed)) return;
  const listedNames = new Set(listed.filter((d): d is string => typeof d === "string").map(requirementName));
  const missing = [...dependencies.required.values()]
    .filter((alternatives) => !alternatives.some((d) => listedNames.has(normalizeDistribution(d))))
    .map((alternatives) => alternatives[0]!)
    .sort(byCodePoint);
  if (missing.length === 0) return;
  const what = missing.map((m) => `\`${m}\``).join(", ");
  const message = `The \`# /// script\` dependencies do not list ${what}, which the notebook imports: add ${missing.length === 1 ? "it" : "them"} so that \`uv run\` can recreate the environment`;
  const edits = addToDependencyList(context.notebook.source, block, missing);
  context.report({ ...at, message, ...(edits ? { fix: { description: `Add ${what} to the script dependencies`, edits } } : {}) });
}

function reportNoDependencyList(context: RuleContext, block: ScriptBlock, dependencies: Dependencies): void {
  const names = [...dependencies.required.keys()].sort(byCodePoint);
  const closing = block.lines.at(-1)!;
  const text = ["# dependencies = [", ...names.map((n) => `#     "${n}",`), "# ]", ""].join("\n");
  context.report({
    start: block.start,
    end: block.start + "# /// script".length,
    message: `The \`# /// script\` block has no \`dependencies\`: list the notebook's packages (${names.join(", ")})${unknownNote(dependencies)}`,
    fix: { description: `Add \`dependencies\` (${names.join(", ")}) to the script block`, edits: [replaceRange(closing.start, closing.start, text)] },
  });
}

/** `"torch>=2.4; sys_platform == 'linux'"` → `torch` (normalised). */
function requirementName(requirement: string): string {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return match ? normalizeDistribution(match[1]!) : "";
}

const LIST_OPEN = /^# dependencies\s*=\s*\[\s*$/;
const LIST_CLOSE = /^#\s*\]\s*$/;
const LIST_ENTRY = /^#(\s+)(["'])([^"']*)\2(\s*,)?\s*(?:#.*)?$/;
const ONE_LINE_LIST = /^# dependencies\s*=\s*\[(.*)\]\s*$/;

/**
 * Edits that add `missing` to the block's dependency list, in its own style. Handles the
 * multi-line list uv writes and a list on one line; returns undefined for any other layout.
 */
function addToDependencyList(source: string, block: ScriptBlock, missing: readonly string[]): TextEdit[] | undefined {
  const lines = block.lines;
  const openIndex = lines.findIndex((l) => LIST_OPEN.test(l.text) || ONE_LINE_LIST.test(l.text));
  if (openIndex === -1) return undefined;
  const open = lines[openIndex]!;
  const oneLine = ONE_LINE_LIST.exec(open.text);
  if (oneLine) {
    const items = oneLine[1]!.trim().replace(/,$/, "");
    const strings = items === "" ? [] : items.split(",").map((item) => /^\s*(["'])([^"']*)\1\s*$/.exec(item));
    if (strings.some((m) => m === null)) return undefined;
    const present = strings.map((m) => ({ text: m![0].trim(), name: requirementName(m![2]!) }));
    const quote = present[0]?.text[0] ?? '"';
    const added = missing.map((name) => ({ text: `${quote}${name}${quote}`, name: normalizeDistribution(name) }));
    const all = [...present, ...added];
    if (isSorted(present.map((p) => p.name))) all.sort((a, b) => byCodePoint(a.name, b.name));
    const openAt = open.start + open.text.indexOf("[");
    const closeAt = open.start + open.text.lastIndexOf("]");
    return [replaceRange(openAt, closeAt + 1, `[${all.map((e) => e.text).join(", ")}]`)];
  }
  const entries: Array<{ line: BlockLine; indent: string; quote: string; name: string; comma: boolean; valueEnd: number }> = [];
  let closeIndex = -1;
  for (let i = openIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (LIST_CLOSE.test(line.text)) {
      closeIndex = i;
      break;
    }
    const entry = LIST_ENTRY.exec(line.text);
    if (!entry) return undefined;
    const valueEnd = line.start + 1 + entry[1]!.length + entry[3]!.length + 2;
    entries.push({ line, indent: entry[1]!, quote: entry[2]!, name: requirementName(entry[3]!), comma: entry[4] !== undefined, valueEnd });
  }
  if (closeIndex === -1) return undefined;
  const indent = entries[0]?.indent ?? "    ";
  const quote = entries[0]?.quote ?? '"';
  const sorted = isSorted(entries.map((e) => e.name));
  // Group the new entries by the line they go before (an existing entry, or the closing `]`).
  const before = new Map<number, string[]>();
  for (const name of missing) {
    const next = sorted ? entries.find((e) => byCodePoint(normalizeDistribution(name), e.name) < 0) : undefined;
    const anchor = next ? next.line.start : lines[closeIndex]!.start;
    const list = before.get(anchor) ?? [];
    list.push(`#${indent}${quote}${name}${quote},\n`);
    before.set(anchor, list);
  }
  const edits: TextEdit[] = [];
  const last = entries.at(-1);
  if (last && !last.comma && before.has(lines[closeIndex]!.start)) {
    edits.push(replaceRange(last.valueEnd, last.valueEnd, ","));
  }
  for (const [anchor, texts] of before) edits.push(replaceRange(anchor, anchor, texts.join("")));
  return edits;
}

function isSorted(names: readonly string[]): boolean {
  return names.every((name, i) => i === 0 || byCodePoint(names[i - 1]!, name) <= 0);
}
