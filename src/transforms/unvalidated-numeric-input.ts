import { defineRule } from "../engine/types.js";
import type { Notebook } from "../notebook/model.js";
import { startOf, type Matcher } from "../notebook/python.js";
import { isPrivateName } from "../notebook/scope.js";
import { cellsMatching } from "./lib/candidate-cells.js";
import { bindingOf, labelOf, uiElementsIn, type UiElement } from "./lib/ui-elements.js";

const docs = `
## What it does
Finds \`mo.ui.number\` inputs without both a \`start\` and a \`stop\` bound, and \`mo.ui.text\` /
\`mo.ui.text_area\` inputs converted with \`int(...)\`, whose value feeds a size or a count (their
name or label says so: batch size, epochs, steps, tokens, samples, width, ...; or \`.value\` goes
to \`range(...)\`, a tensor constructor or a \`*_size=\` / \`num_*=\` argument), when no cell
validates the value: no comparison (\`if batch_size.value > 512:\`), no \`min(...)\`/\`max(...)\`/
\`clamp\`, no \`assert\`, no \`.isdigit()\`, no \`try/except ValueError\` around the conversion.

## Why is this bad?
A size typed by hand reaches the GPU as it is: \`0\` or a negative number crashes deep inside
PyTorch with an unhelpful error, a typo such as \`40960\` instead of \`4096\` asks for a hundred
times the memory and ends in an out-of-memory error, and \`int("64 ")\` raises \`ValueError\`
(guide, section 6.3 "User Input Validation": validate all user inputs, provide clear error
messages, suggest valid ranges).

## Example
\`\`\`python
batch_size = mo.ui.number(value=64, label="Batch size")
\`\`\`

Use instead:
\`\`\`python
batch_size = mo.ui.number(start=1, stop=512, value=64, label="Batch size")
\`\`\`

or validate in the cell that uses it:
\`\`\`python
if not 1 <= batch_size.value <= 512:
    mo.stop(True, mo.callout(mo.md("❌ **Batch size** must be between 1 and 512"), kind="danger"))
\`\`\`

## Fix
None: the valid range depends on the model and the GPU.

## Fix safety
No fix is offered.
`;

const SIZE_WORDS = /size|count|num|^n_|_n$|^n$|epoch|step|batch|length|\blen|dim|width|height|rows|cols|samples|tokens|iter|layers|workers|depth|top_?k|^k$|seq|resolution|hidden|channels|heads|neighbo|clusters|components|frames|images|repeats|trials/i;
const SIZE_USE = (name: string) =>
  new RegExp(
    `(?:\\b(?:range|randn|rand|randint|zeros|ones|empty|full|arange|linspace|reshape|view|repeat|expand|head|tail|sample|DataLoader)\\s*\\([^)\\n]*\\b${name}\\.value\\b)` +
      `|(?:\\b\\w*(?:size|num|count|steps|epochs|tokens|len|length|dim|samples|n)\\w*\\s*=\\s*(?:int\\()?${name}\\.value\\b)`,
    "u",
  );

export const unvalidatedNumericInput = defineRule({
  code: "NVE005",
  name: "unvalidated-numeric-input",
  section: "6.3",
  severity: "warning",
  fix: "none",
  summary: "`mo.ui.number` / `mo.ui.text` feeding a size or count with no bounds and no validation",
  docs,
  check(context) {
    const { notebook } = context;
    const source = notebook.source;
    if (!source.includes("number") && !source.includes("text")) return;
    for (const element of uiElementsIn(notebook, cellsMatching(notebook, /\bui\s*\.\s*(number|text|text_area)\s*\(/))) {
      const base = element.kind === "form" ? element.callee.split(".").at(-1) : element.kind;
      if (base !== "number" && base !== "text" && base !== "text_area") continue;
      const cell = context.cellAt(startOf(element.top));
      if (!cell || (cell.kind !== "cell" && cell.kind !== "setup")) continue;
      const binding = bindingOf(element, notebook);
      // A private element feeds nothing outside its cell (NVR002 reports it).
      if (binding.kind !== "name" || isPrivateName(binding.name)) continue;
      const name = binding.name;
      const label = labelOf(element.call) ?? "";
      const feedsSize = SIZE_WORDS.test(name) || SIZE_WORDS.test(label) || SIZE_USE(name).test(source);
      if (base === "number") {
        const missing = missingBounds(element);
        if (missing.length === 0 || !feedsSize) continue;
        if (validated(notebook, name, false)) continue;
        context.report({
          node: element.top,
          message:
            `\`${name}\` (\`mo.ui.number\` without ${missing.map((m) => `\`${m}=\``).join(" and ")}) sets a size or a count, and no cell checks \`${name}.value\`: ` +
            `give it \`start=\`/\`stop=\` bounds (or use \`mo.ui.slider\`), or validate the value and \`mo.stop(...)\` with a callout that states the valid range`,
        });
      } else {
        if (!new RegExp(`\\bint\\s*\\(\\s*${name}\\.value\\b`, "u").test(source)) continue;
        if (!feedsSize && !SIZE_USE(name).test(source)) continue;
        if (validated(notebook, name, true)) continue;
        context.report({
          node: element.top,
          message:
            `\`${name}\` (\`mo.ui.${base}\`) is turned into a number with \`int(${name}.value)\` that sets a size or a count, unchecked: ` +
            `use \`mo.ui.number(start=..., stop=...)\`, or validate the text (\`try/except ValueError\`, a range check) and \`mo.stop(...)\` with a callout that states the valid range`,
        });
      }
    }
  },
});

/** `start` / `stop` arguments the `mo.ui.number(...)` call lacks (or passes as `None`). */
function missingBounds(element: UiElement): string[] {
  const args = (element.call.field("arguments")?.namedChildren() ?? []).filter((a) => a.kind() !== "comment");
  if (args.some((a) => a.kind() === "list_splat" || a.kind() === "dictionary_splat")) return [];
  const positional = args.filter((a) => a.kind() !== "keyword_argument");
  const keyword = (n: string) => args.find((a) => a.kind() === "keyword_argument" && a.field("name")?.text() === n)?.field("value");
  const given = (n: string, index: number) => {
    const value = keyword(n) ?? positional[index];
    return value !== undefined && value !== null && value.kind() !== "none";
  };
  return ["start", "stop"].filter((n, i) => !given(n, i));
}

/** Whether some cell compares, clamps, asserts on or carefully parses `<name>.value`. */
function validated(notebook: Notebook, name: string, text: boolean): boolean {
  const value = `^${name}\\s*\\.\\s*value$`;
  const checks: Array<NonNullable<Matcher["rule"]>> = [
    { kind: "comparison_operator" },
    { kind: "assert_statement" },
    { kind: "call", has: { field: "function", regex: "(^|\\.)(min|max|clip|clamp|isdigit|isnumeric|isdecimal|fullmatch|match)$" } },
  ];
  if (text) checks.push({ kind: "try_statement", has: { kind: "except_clause", regex: "ValueError|Exception|except\\s*:" } });
  const matcher: Matcher = { rule: { kind: "attribute", regex: value, inside: { stopBy: "end", any: checks } } };
  return notebook.root.root().find(matcher) !== null;
}
