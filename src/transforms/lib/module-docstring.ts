// The module docstring of a notebook (NVD001, NVD002): where it is, which of the sections of the
// guide's format (section 1.1) it has, and the skeleton or section headings a fix inserts.
//
// Finding the docstring is a text scan of the header (comments and blank lines, then the first
// statement); only when the first statement is a string literal is the tree asked for its node.
import type { Notebook } from "../../notebook/model.js";
import { endOf, startOf, type Matcher, type PyNode } from "../../notebook/python.js";
import { blankStringsAndComments } from "./cell-globals.js";
import { mentionsGpu } from "./gpu-notebook.js";
import { importsOf } from "./imports.js";
import { moduleOrigin } from "./missing-dependency-metadata-packages.js";

export interface ModuleDocstring {
  /** The string node (`string` or `concatenated_string`). */
  readonly node: PyNode;
  /** The text between the quotes. */
  readonly content: string;
  /** Offset of the first character of the content and of the closing quotes. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Triple-quoted (so lines can be added before the closing quotes). */
  readonly tripleQuoted: boolean;
}

export type HeaderScan =
  | { readonly kind: "docstring"; readonly docstring: ModuleDocstring }
  /** No docstring: `at` is the start of the line of the first statement (usually `import marimo`). */
  | { readonly kind: "missing"; readonly at: number };

const STRING_PREFIX = /^[rRuU]?("""|'''|"|')/;
const MODULE_STRING: Matcher = {
  rule: {
    any: [{ kind: "string" }, { kind: "concatenated_string" }],
    inside: { kind: "expression_statement", inside: { kind: "module" } },
  },
};

const headerCache = new WeakMap<Notebook, HeaderScan>();

/** Scans the header: comments and blank lines, then the first statement (cached: NVD001 and NVD002 both ask). */
export function scanHeader(notebook: Notebook): HeaderScan {
  let header = headerCache.get(notebook);
  if (!header) headerCache.set(notebook, (header = scan(notebook)));
  return header;
}

function scan(notebook: Notebook): HeaderScan {
  const source = notebook.source;
  let at = 0;
  for (;;) {
    const lineEnd = source.indexOf("\n", at);
    const line = source.slice(at, lineEnd === -1 ? source.length : lineEnd);
    const trimmed = line.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) break;
    if (lineEnd === -1) return { kind: "missing", at: source.length };
    at = lineEnd + 1;
  }
  const firstChar = source.slice(at).search(/\S/);
  const statementStart = at + Math.max(firstChar, 0);
  if (!STRING_PREFIX.test(source.slice(statementStart, statementStart + 4))) return { kind: "missing", at };
  const node = notebook.root.root().find(MODULE_STRING);
  if (!node || startOf(node) !== statementStart) return { kind: "missing", at };
  return { kind: "docstring", docstring: describeString(node) };
}

function describeString(node: PyNode): ModuleDocstring {
  const text = node.text();
  const start = startOf(node);
  if (node.kind() !== "string") {
    // Implicit concatenation: treat the whole node as the content (no fix appends to it).
    return { node, content: text, contentStart: start, contentEnd: endOf(node), tripleQuoted: false };
  }
  const open = STRING_PREFIX.exec(text)!;
  const quote = open[1]!;
  const contentStart = start + open[0].length;
  const contentEnd = endOf(node) - quote.length;
  const content = text.slice(open[0].length, Math.max(open[0].length, text.length - quote.length));
  return { node, content, contentStart, contentEnd, tripleQuoted: quote.length === 3 };
}

// --- sections of the guide's format ----------------------------------------------------------

/** The parts of the guide's docstring, in the order the guide writes them. */
export type DocstringPart = "features" | "requirements" | "gpu" | "cuda" | "tested" | "author" | "date";

export const PART_LABEL: Readonly<Record<DocstringPart, string>> = {
  features: "Features",
  requirements: "Requirements",
  gpu: "GPU requirements (VRAM, compute capability)",
  cuda: "CUDA version",
  tested: "Tested configurations",
  author: "Author",
  date: "Date",
};

/** A section heading line: `Features:`, `## Features`, `**Requirements**`, `Author: Jane`. */
function heading(words: string): RegExp {
  return new RegExp(`^[ \\t]*(?:#+[ \\t]*|[*_]{1,2})?(?:${words})\\b[*_]{0,2}[ \\t]*(?::|$)`, "im");
}

const FEATURES = heading("(?:key[ \\t]+)?features|highlights|what you(?:'ll| will) (?:learn|get)");
const REQUIREMENTS = heading("requirements|prerequisites|system requirements|hardware requirements");
/** GPU requirement: memory or compute capability, stated somewhere in the docstring. */
const GPU_REQUIREMENT =
  /\bVRAM\b|GPU memory|compute capability|\bsm_?\d{2}\b|\b(?:Volta|Turing|Ampere|Ada Lovelace|Hopper|Blackwell)\b|\bGPU\b[^\n]*\d+(?:\.\d+)?[ \t]*(?:GB|GiB)\b|\d+(?:\.\d+)?[ \t]*(?:GB|GiB)\b[^\n]*\bGPU\b/i;
/** `CUDA 12.1+`, `CUDA >= 11.8`, `CUDA toolkit 12`, `CUDA: 12.4`, or the skeleton's placeholder. */
const CUDA_VERSION = /\bCUDA\b[^\n\d]{0,20}?(?:\d+(?:\.\d+)*|TODO)/i;
const TESTED = /\btested\b|\bworks on\b|\bverified on\b|\bbenchmarked on\b/i;
const AUTHOR = heading("authors?|maintainers?|written by|created by|auteurs?|autor(?:es|in)?");
const DATE = heading("date|last updated|updated|created on|version date");

/** Which parts of the guide's format the docstring lacks (the GPU ones only for GPU notebooks). */
export function missingParts(content: string, gpuNotebook: boolean): DocstringPart[] {
  const missing: DocstringPart[] = [];
  if (!FEATURES.test(content)) missing.push("features");
  if (!REQUIREMENTS.test(content)) missing.push("requirements");
  if (gpuNotebook && !GPU_REQUIREMENT.test(content)) missing.push("gpu");
  if (gpuNotebook && !CUDA_VERSION.test(content)) missing.push("cuda");
  if (!TESTED.test(content)) missing.push("tested");
  if (!AUTHOR.test(content)) missing.push("author");
  if (!DATE.test(content)) missing.push("date");
  return missing;
}

/** The parts whose line still holds a `TODO` placeholder. */
export function placeholderParts(content: string): string[] {
  if (!/\bTODO\b/.test(content)) return [];
  const parts: string[] = [];
  let section = "description";
  for (const line of content.split(/\r?\n/)) {
    const name = sectionOf(line);
    if (name) section = name;
    if (/\bTODO\b/.test(line) && !parts.includes(section)) parts.push(section);
  }
  return parts;
}

function sectionOf(line: string): string | undefined {
  if (FEATURES.test(line)) return "Features";
  if (REQUIREMENTS.test(line)) return "Requirements";
  if (/^[ \t]*tested\b/i.test(line)) return "Tested configurations";
  if (AUTHOR.test(line)) return "Author";
  if (DATE.test(line)) return "Date";
  return undefined;
}

// --- what the skeleton says ------------------------------------------------------------------

/** Libraries that run only on an NVIDIA GPU: their import alone makes a GPU notebook. */
const GPU_ONLY_MODULES = new Set([
  "cupy", "cudf", "cuml", "cugraph", "cuspatial", "cucim", "cuxfilter", "dask_cudf", "rmm", "tensorrt",
  "torch_tensorrt", "pycuda", "cuda", "nvidia", "vllm", "bitsandbytes", "pynvml",
]);

/**
 * Whether the notebook runs on an NVIDIA GPU: it imports a library that only runs there, or its
 * code (not its prose) uses CUDA or a device. PyTorch, JAX or Transformers alone do not make one:
 * a CPU notebook that imports them needs no VRAM, compute capability or CUDA line.
 */
export function isGpuNotebook(notebook: Notebook): boolean {
  if (importsOf(notebook).some((i) => GPU_ONLY_MODULES.has(i.module.split(".")[0]!))) return true;
  const source = notebook.source;
  // `torch.cuda.is_available()`, `jax.devices("cuda")`: CUDA named by the code, not its prose.
  if (/\bcuda\b/i.test(source) && /\bcuda\b/i.test(blankStringsAndComments(source, 0, source.length).replace(/\s+/g, " "))) return true;
  return mentionsGpu(notebook);
}

/** How the guide writes library names. */
const LIBRARY_NAMES: Readonly<Record<string, string>> = {
  torch: "PyTorch", torchvision: "torchvision", torchaudio: "torchaudio", tensorflow: "TensorFlow", keras: "Keras",
  jax: "JAX", numpy: "NumPy", pandas: "pandas", polars: "Polars", cupy: "CuPy", cudf: "RAPIDS cuDF", cuml: "RAPIDS cuML",
  cugraph: "RAPIDS cuGraph", cuspatial: "RAPIDS cuSpatial", cucim: "RAPIDS cuCIM", dask_cudf: "Dask-cuDF", dask: "Dask",
  tensorrt: "TensorRT", torch_tensorrt: "Torch-TensorRT", triton: "Triton", numba: "Numba", transformers: "Transformers",
  diffusers: "Diffusers", accelerate: "Accelerate", datasets: "Hugging Face Datasets", vllm: "vLLM", sklearn: "scikit-learn",
  scipy: "SciPy", matplotlib: "Matplotlib", seaborn: "seaborn", plotly: "Plotly", altair: "Altair", cv2: "OpenCV",
  PIL: "Pillow", xgboost: "XGBoost", lightgbm: "LightGBM", networkx: "NetworkX", onnxruntime: "ONNX Runtime",
  lightning: "Lightning", pytorch_lightning: "PyTorch Lightning", timm: "timm", bitsandbytes: "bitsandbytes",
};

/** Standard-library modules (never a requirement to install). */
const STDLIB = new Set(
  (
    "__future__ abc argparse array ast asyncio atexit base64 bisect builtins calendar collections concurrent " +
    "contextlib copy csv ctypes dataclasses datetime decimal difflib enum errno fractions functools gc getpass glob " +
    "gzip hashlib heapq hmac html http importlib inspect io ipaddress itertools json logging lzma math mimetypes " +
    "multiprocessing numbers operator os pathlib pickle platform pprint queue random re secrets select shlex shutil " +
    "signal site socket sqlite3 ssl stat statistics string struct subprocess sys sysconfig tarfile tempfile textwrap " +
    "threading time timeit traceback types typing unicodedata unittest urllib uuid warnings weakref xml zipfile zlib"
  ).split(" "),
);

/** Display names of the third-party libraries the notebook imports, in order of first import. */
export function importedLibraries(notebook: Notebook): string[] {
  const names: string[] = [];
  for (const i of importsOf(notebook)) {
    const top = i.module.split(".")[0]!;
    if (top === "" || top === "marimo" || STDLIB.has(top)) continue;
    // A module that is neither named here nor a known PyPI package is most often a local file
    // (`from tokenizer import ...`): not something to install.
    if (!(top in LIBRARY_NAMES) && moduleOrigin(i.module).kind !== "known") continue;
    const name = LIBRARY_NAMES[top] ?? top;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** A UI control the notebook defines, for the Features list. */
export interface UiControl {
  readonly label: string;
  readonly kind: string;
}

const UI_CONTROL: Matcher = {
  rule: {
    kind: "call",
    has: { field: "function", kind: "attribute", regex: "(^|\\.)ui\\.[a-z_]+$" },
    inside: { kind: "assignment", field: "right" },
  },
};

const KIND_NAMES: Readonly<Record<string, string>> = {
  run_button: "run button", button: "button", slider: "slider", range_slider: "range slider", number: "number input",
  text: "text input", text_area: "text area", dropdown: "dropdown", radio: "radio buttons", checkbox: "checkbox",
  switch: "switch", multiselect: "multi-select", file: "file upload", date: "date picker", table: "table",
  data_editor: "data editor", chat: "chat", code_editor: "code editor", refresh: "auto-refresh", form: "form",
  dictionary: "control group", array: "control group", batch: "control group", tabs: "tabs",
};

/** UI controls bound to names in the notebook's cells, in source order. */
export function uiControls(notebook: Notebook): UiControl[] {
  if (!notebook.source.includes("ui.")) return [];
  const controls: UiControl[] = [];
  for (const call of notebook.root.root().findAll(UI_CONTROL)) {
    const fn = call.field("function")?.text() ?? "";
    const kind = /([a-z_]+)$/.exec(fn)?.[1] ?? "";
    if (kind === "refresh" || kind === "altair_chart" || kind === "plotly" || kind === "anywidget") continue;
    const label = labelOf(call) ?? humanize(call.parent()?.field("left")?.text() ?? kind);
    if (!label) continue;
    controls.push({ label, kind: KIND_NAMES[kind] ?? kind.replace(/_/g, " ") });
  }
  return controls;
}

function labelOf(call: PyNode): string | undefined {
  const argument = call
    .field("arguments")
    ?.children()
    .find((c) => c.kind() === "keyword_argument" && c.field("name")?.text() === "label");
  const value = argument?.field("value");
  if (!value || value.kind() !== "string") return undefined;
  const text = value.text().replace(/^[rRuUfF]{0,2}("""|'''|"|')/, "").replace(/("""|'''|"|')$/, "");
  const clean = plainText(text);
  return clean === "" ? undefined : clean;
}

function humanize(name: string): string {
  if (!/^[A-Za-z]\w*$/.test(name)) return "";
  const words = name.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Markdown, emoji and placeholders stripped: `## 🚀 **Train** the model` → `Train the model`. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/\$\{?[^}\s]*\}?/g, "")
    .replace(/[^\p{L}\p{N}\s.,:;!?'()\-+/&%°×–—]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\s\-–—:,.]+/, "")
    .trim();
}

const MARKDOWN_CALL: Matcher = {
  rule: {
    kind: "call",
    has: { field: "function", regex: "(^|\\.)md$" },
  },
};

/** The first level-1 markdown heading shown by `mo.md(...)` in a cell, as plain text. */
export function firstMarkdownHeading(notebook: Notebook): string | undefined {
  if (!/^[ \t]*#[ \t]+\S/m.test(notebook.source)) return undefined;
  for (const call of notebook.root.root().findAll(MARKDOWN_CALL)) {
    const cell = notebook.cells.find((c) => c.start <= startOf(call) && endOf(call) <= c.end);
    if (!cell || cell.kind === "unparsable") continue;
    const literal = call.field("arguments")?.children().find((c) => c.kind() === "string");
    if (!literal) continue;
    const isFormatted = /^[rRuU]?[fF]/.test(literal.text());
    for (const match of literal.text().matchAll(/^[ \t]*#[ \t]+(.+?)[ \t#]*$/gm)) {
      const raw = match[1]!;
      if (isFormatted && raw.includes("{")) continue;
      const title = plainText(raw);
      if (title !== "") return title;
    }
  }
  return undefined;
}

/** A title from a file name: `stable_diffusion-trt.py` → `Stable diffusion trt`. */
export function titleFromFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? "";
  const stem = base.replace(/\.py$/, "").replace(/[_\-.]+/g, " ").trim();
  return stem === "" ? "" : stem.charAt(0).toUpperCase() + stem.slice(1);
}

export interface SkeletonInput {
  /** The notebook's file name, for the first line (as in the guide's example). */
  readonly fileName: string | undefined;
  readonly title: string | undefined;
  readonly controls: readonly UiControl[];
  readonly libraries: readonly string[];
  readonly gpu: boolean;
}

const MAX_CONTROLS = 8;

/** The docstring skeleton in the guide's format (section 1.1), without a final line break. */
export function docstringSkeleton(input: SkeletonInput): string {
  const title = input.title ?? "TODO: Title describing the notebook's purpose";
  const lines: string[] = [];
  lines.push(`"""${input.fileName ? input.fileName : title}`);
  lines.push("");
  if (input.fileName) {
    lines.push(title, "=".repeat(Math.max(3, [...title].length)), "");
  }
  lines.push(
    "TODO: Describe in 2-3 sentences what this notebook does, on which data or model,",
    "and what the user sees or learns.",
    "",
    ...sectionLines("features", input),
    "",
    ...sectionLines("requirements", input),
    "",
    ...sectionLines("tested", input),
    "",
    ...sectionLines("author", input),
    ...sectionLines("date", input),
    `"""`,
  );
  return lines.join("\n");
}

/** The lines that state a part, as the skeleton writes them. */
export function sectionLines(part: DocstringPart, input: PartInput): string[] {
  switch (part) {
    case "features": {
      const lines = ["Features:"];
      if (input.controls.length > 0) lines.push(`- Interactive controls: ${controlList(input.controls)}`);
      lines.push("- TODO: the notebook's main capabilities, one per line");
      return lines;
    }
    case "requirements": {
      const lines = ["Requirements:"];
      if (input.gpu) lines.push(GPU_LINE, CUDA_LINE);
      if (input.libraries.length > 0) lines.push(`- ${input.libraries.join(", ")}`);
      lines.push("- TODO: downloads (models, data sets) and their size");
      return lines;
    }
    case "gpu":
      return [GPU_LINE];
    case "cuda":
      return [CUDA_LINE];
    case "tested":
      return [
        "Tested configurations:",
        input.gpu ? "- TODO: OS + GPU (VRAM) + CUDA version, e.g. Ubuntu 22.04 + L4 (24GB) + CUDA 12.4" : "- TODO: OS + Python version, e.g. Ubuntu 22.04 + Python 3.12",
      ];
    case "author":
      return ["Author: TODO"];
    case "date":
      return ["Date: TODO (YYYY-MM-DD)"];
  }
}

/** What the section lines are made from. */
export type PartInput = Pick<SkeletonInput, "controls" | "libraries" | "gpu">;

const GPU_LINE = "- NVIDIA GPU with TODO GB+ VRAM, compute capability TODO+";
const CUDA_LINE = "- CUDA TODO+ and NVIDIA driver TODO+";

function controlList(controls: readonly UiControl[]): string {
  const shown = controls.slice(0, MAX_CONTROLS).map((c) => `${c.label} (${c.kind})`);
  if (controls.length > MAX_CONTROLS) shown.push(`and ${controls.length - MAX_CONTROLS} more`);
  return shown.join(", ");
}

// --- adding missing parts to an existing docstring ---------------------------------------------

export interface Insertion {
  readonly at: number;
  readonly text: string;
}

const SECTION_ORDER: readonly DocstringPart[] = ["features", "requirements", "tested", "author", "date"];
const TESTED_HEADING = /^[ \t]*(?:#+[ \t]*|[*_]{1,2})?tested\b/i;
const SECTION_HEADING: Readonly<Partial<Record<DocstringPart, RegExp>>> = {
  features: FEATURES,
  requirements: REQUIREMENTS,
  tested: TESTED_HEADING,
  author: AUTHOR,
  date: DATE,
};

/** One-line sections that the guide writes on consecutive lines (`Author: ...` / `Date: ...`). */
const ONE_LINE: ReadonlySet<DocstringPart> = new Set(["author", "date"]);

/**
 * Where the missing parts go in a triple-quoted docstring: each missing section before the
 * first present section that the guide puts after it, else at the end; the GPU and CUDA lines
 * at the end of an existing Requirements section. Offsets are in the notebook source.
 */
export function partInsertions(docstring: ModuleDocstring, missing: readonly DocstringPart[], input: PartInput): Insertion[] {
  const { content, contentStart } = docstring;
  const lines = splitWithOffsets(content);
  const end = trimmedEnd(content);
  const present: Array<{ part: DocstringPart; line: number }> = [];
  for (const part of SECTION_ORDER) {
    const line = lines.findIndex((l) => l.start < end && SECTION_HEADING[part]!.test(l.text));
    if (line !== -1) present.push({ part, line });
  }
  const lastLine = lines.filter((l) => l.start < end).at(-1);
  const lastPart = [...present].sort((a, b) => b.line - a.line)[0];
  const endsWithOneLiner = lastPart !== undefined && ONE_LINE.has(lastPart.part) && lines[lastPart.line] === lastLine;

  // Blocks to insert before a present section (by its line) or at the end (-1).
  const before = new Map<number, Array<{ part: DocstringPart; text: string }>>();
  const push = (line: number, part: DocstringPart, text: string) => {
    const list = before.get(line);
    if (list) list.push({ part, text });
    else before.set(line, [{ part, text }]);
  };
  const insertions: Insertion[] = [];

  const gpuParts = missing.filter((p) => p === "gpu" || p === "cuda");
  const requirementsMissing = missing.includes("requirements");
  if (gpuParts.length > 0 && !requirementsMissing) {
    const requirements = present.find((p) => p.part === "requirements")!;
    const at = sectionEnd(lines, requirements.line, end);
    insertions.push({ at: contentStart + at, text: "\n" + gpuParts.flatMap((p) => sectionLines(p, input)).join("\n") });
  }
  for (const part of SECTION_ORDER) {
    if (!missing.includes(part)) continue;
    let text: string;
    if (part === "requirements") {
      const gpu = [...(missing.includes("gpu") ? [GPU_LINE] : []), ...(missing.includes("cuda") ? [CUDA_LINE] : [])];
      text = ["Requirements:", ...gpu, ...sectionLines("requirements", { ...input, gpu: false }).slice(1)].join("\n");
    } else text = sectionLines(part, input).join("\n");
    const rank = SECTION_ORDER.indexOf(part);
    const next = present.filter((p) => SECTION_ORDER.indexOf(p.part) > rank).sort((a, b) => a.line - b.line)[0];
    push(next ? next.line : -1, part, text);
  }

  for (const [line, blocks] of before) {
    let joined = "";
    let previous: DocstringPart | undefined;
    for (const block of blocks) {
      const separator = previous === undefined ? "" : ONE_LINE.has(previous) && ONE_LINE.has(block.part) ? "\n" : "\n\n";
      joined += separator + block.text;
      previous = block.part;
    }
    if (line === -1) {
      const lead = endsWithOneLiner && ONE_LINE.has(blocks[0]!.part) ? "\n" : "\n\n";
      const closingOnOwnLine = /\n[ \t]*$/.test(content.slice(end));
      insertions.push({ at: contentStart + end, text: lead + joined + (closingOnOwnLine ? "" : "\n") });
    } else {
      const nextPart = present.find((p) => p.line === line)!.part;
      const tail = ONE_LINE.has(previous!) && ONE_LINE.has(nextPart) ? "\n" : "\n\n";
      insertions.push({ at: contentStart + lines[line]!.start, text: joined + tail });
    }
  }
  // Insertions at the same offset (the GPU lines at the end of a final Requirements section, and
  // the sections after it) become one edit, in the order they were planned.
  const merged: Insertion[] = [];
  for (const insertion of insertions) {
    const same = merged.find((m) => m.at === insertion.at);
    if (same) merged[merged.indexOf(same)] = { at: same.at, text: same.text + insertion.text };
    else merged.push(insertion);
  }
  return merged.sort((a, b) => a.at - b.at);
}

function isHeadingStart(line: string): boolean {
  return SECTION_ORDER.some((part) => SECTION_HEADING[part]!.test(line));
}

interface OffsetLine {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function splitWithOffsets(text: string): OffsetLine[] {
  const lines: OffsetLine[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ text: text.slice(start, lineEnd), start, end: lineEnd });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** Offset just past the last non-whitespace character. */
function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Offset just past the last non-blank line of the section whose heading is `lines[index]`. */
function sectionEnd(lines: readonly OffsetLine[], index: number, contentEnd: number): number {
  let last = lines[index]!.end;
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.start >= contentEnd) break;
    if (line.text.trim() === "") {
      // A blank line ends the section unless a bullet follows.
      const next = lines.slice(i + 1).find((l) => l.text.trim() !== "");
      if (!next || next.start >= contentEnd || !/^[ \t]*[-*•]/.test(next.text)) break;
      continue;
    }
    if (isHeadingStart(line.text)) break;
    last = line.end;
  }
  return Math.min(last, contentEnd);
}
