import { defineRule } from "../engine/types.js";
import { cellGlobals, firstBindings, wordIndex } from "./lib/cell-globals.js";
import { escapeRegex } from "./lib/regex.js";

const docs = `
## What it does
Finds public global names that do not say what they hold: one or two characters (\`x\`, \`df\`,
\`ax\`, \`i\`, also with a number: \`df2\`), or a generic word such as \`data\`, \`result\`, \`tmp\`,
\`mem\`, \`losses\` or \`path\` (the guide's examples). It checks the variables, functions and
classes bound at the top level of regular cells and of the setup cell, \`@app.function\` and
\`@app.class_definition\` names, and import aliases. The usual conventions are allowed: \`mo\`,
\`np\`, \`pd\`, \`plt\`, \`nn\`, \`F\`, \`T\`, \`sns\`, \`px\`, \`go\`, \`tf\`, \`cp\`, \`pl\`, \`alt\`, \`jnp\`, ...
Private names (\`_x\`) are never reported.

## Why is this bad?
A global is read by other cells, often far away from where it was defined; its name is all
the reader sees there. \`mem\` could be bytes or gigabytes, free or total, host or device;
\`gpu_memory_gb\` cannot be misread. Short names also collide: the second cell that writes
\`x = ...\` is a multiple-definition error (guide, section 2.2 "Descriptive Variable Names").

## Example
\`\`\`python
mem = torch.cuda.get_device_properties(0).total_memory / 1e9
losses = []
path = "checkpoints/model.pth"
\`\`\`

Use instead:
\`\`\`python
gpu_memory_gb = torch.cuda.get_device_properties(0).total_memory / 1e9
training_loss_history = []
model_checkpoint_path = "checkpoints/model.pth"
\`\`\`

## Fix
None: only the author knows what the value means. When no other cell uses the name, the
message suggests making it private (\`_x\`) instead.

## Fix safety
No fix is offered.
`;

/** Short names that are community conventions (mostly import aliases). */
const CONVENTIONS = new Set([
  "mo", "np", "pd", "plt", "nn", "F", "T", "L", "K", "sns", "px", "go", "tf", "cp", "pl", "sp", "xr", "nx",
  "dd", "da", "jnp", "jax", "alt", "os", "re", "gc", "io", "cv", "cv2", "pa", "pq", "ds", "mx", "xgb", "lgb",
  "sk", "st", "bk", "hv", "dt", "tz", "ET",
]);

/** Generic words: they name a kind of value, not which value (lower case, without digits). */
const GENERIC = new Set([
  "data", "df", "result", "results", "res", "ret", "out", "output", "outputs", "tmp", "temp", "val", "vals",
  "value", "values", "mem", "memory", "loss", "losses", "path", "paths", "file", "files", "fname", "filename",
  "obj", "item", "items", "elem", "thing", "things", "stuff", "foo", "bar", "baz", "var", "lst", "arr", "array",
  "dct", "info", "misc", "num", "count", "idx", "stats", "tensor", "tensors", "img", "image", "my_list", "my_dict",
]);

/** Better names for the guide's examples. */
const SUGGESTIONS: Readonly<Record<string, string>> = {
  mem: "gpu_memory_gb",
  memory: "gpu_memory_gb",
  losses: "training_loss_history",
  loss: "final_training_loss",
  path: "model_checkpoint_path",
};

export const nonDescriptiveName = defineRule({
  code: "NVO003",
  name: "non-descriptive-name",
  section: "2.2",
  severity: "info",
  fix: "none",
  summary: "Public global name too short or generic (`x`, `df`, `mem`, `path`)",
  docs,
  check(context) {
    const { notebook } = context;
    const words = wordIndex(notebook);
    const reported = new Set<string>();
    for (const binding of firstBindings(cellGlobals(notebook))) {
      if (reported.has(binding.name) || !isNonDescriptive(binding.name)) continue;
      // Import names are the library's; only an alias is the author's choice.
      if (binding.kind === "import" && !isAlias(notebook.source, binding.start)) continue;
      reported.add(binding.name);
      const onlyHere = binding.cell.kind === "cell" && words.count(binding.name) === words.countIn(binding.cell, binding.name);
      const kind = binding.kind === "import" ? "alias" : binding.kind === "variable" ? "value" : "code";
      context.report({ start: binding.start, end: binding.end, message: messageFor(binding.name, kind, onlyHere) });
    }
    for (const cell of notebook.cells) {
      if ((cell.kind !== "function" && cell.kind !== "class") || reported.has(cell.name) || !isNonDescriptive(cell.name)) continue;
      const header = notebook.source.slice(cell.signatureStart, cell.signatureEnd);
      const at = new RegExp(`\\b(?:def|class)\\s+(${escapeRegex(cell.name)})\\b`).exec(header);
      if (!at) continue;
      const start = cell.signatureStart + at.index + at[0].length - cell.name.length;
      reported.add(cell.name);
      context.report({ start, end: start + cell.name.length, message: messageFor(cell.name, "code", false) });
    }
  },
});

/** Too short (one or two characters, digits and underscores aside) or a generic word. */
export function isNonDescriptive(name: string): boolean {
  if (name.startsWith("_") || CONVENTIONS.has(name)) return false;
  const base = withoutTrailingDigits(name);
  if (base === "" || CONVENTIONS.has(base)) return false;
  // At most two code points (a code point is one or two UTF-16 units).
  return base.length <= 2 || (base.length <= 4 && [...base].length <= 2) || GENERIC.has(base.toLowerCase());
}

/** `name.replace(/[\d_]+$/, "")`. */
function withoutTrailingDigits(name: string): string {
  let end = name.length;
  while (end > 0) {
    const c = name.charCodeAt(end - 1);
    if ((c >= 48 && c <= 57) || c === 95) end--;
    else break;
  }
  return end === name.length ? name : name.slice(0, end);
}

/** Whether the import name at `start` is an alias (`import numpy as np`). */
function isAlias(source: string, start: number): boolean {
  const before = source.slice(Math.max(0, start - 12), start);
  return /\bas\s+$/.test(before);
}

/** `value`: a variable; `code`: a function or class; `alias`: an import alias. */
type NameKind = "value" | "code" | "alias";

function messageFor(name: string, kind: NameKind, onlyHere: boolean): string {
  if (kind === "alias") return `The import alias \`${name}\` is not a known convention: import the module under its own name`;
  const base = name.replace(/[\d_]+$/, "").toLowerCase();
  const short = [...name.replace(/[\d_]+$/, "")].length <= 2;
  const what = `\`${name}\` is ${short ? "too short" : "too generic"} to say ${kind === "value" ? "what it holds" : "what it does"}`;
  const suggestion = kind === "value" ? SUGGESTIONS[base] : undefined;
  const rename = suggestion ? `a name such as \`${suggestion}\`` : kind === "value" ? "a descriptive name (what it holds, and its unit)" : "a descriptive name";
  return onlyHere ? `${what}: only this cell uses it, so make it private (\`_${name}\`) or give it ${rename}` : `${what}: give it ${rename}`;
}
