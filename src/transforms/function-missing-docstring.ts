import { defineRule } from "../engine/types.js";
import { functionsWithoutDocstring } from "./lib/notebook-functions.js";

const docs = `
## What it does
Finds functions without a docstring: \`@app.function\`s, functions defined in the setup cell
or in a cell (at its top level or inside an \`if\`/\`try\`/\`with\` block), and the methods of
the classes defined there or with \`@app.class_definition\`. Cell functions themselves
(\`@app.cell def _\`), functions nested inside another function, \`typing.overload\` stubs and
magic methods other than \`__init__\` are not checked.

## Why is this bad?
Notebook functions are where the GPU logic lives (training steps, memory queries, benchmarks).
The guide asks for a docstring on every function that says what it does and why, with its
arguments and return value (section 1.3 "Comments & Docstrings"); \`@app.function\`s are also
importable from other modules, where the docstring is all a caller sees.

## Example
\`\`\`python
@app.function
def benchmark_matmul(size: int, device: torch.device) -> float:
    a = torch.randn(size, size, device=device)
    ...
\`\`\`

Use instead:
\`\`\`python
@app.function
def benchmark_matmul(size: int, device: torch.device) -> float:
    """
    Average seconds per (size × size) matrix multiplication on \`device\`.

    CUDA kernels run asynchronously, so the clock is read after \`torch.cuda.synchronize()\`.
    """
    a = torch.randn(size, size, device=device)
    ...
\`\`\`

## Fix
None: only the author can say what a function is for.

## Fix safety
No fix is offered.
`;

export const functionMissingDocstring = defineRule({
  code: "NVD004",
  name: "function-missing-docstring",
  section: "1.3",
  severity: "warning",
  fix: "none",
  summary: "Function defined in a cell or with `@app.function` has no docstring",
  docs,
  check(context) {
    for (const fn of functionsWithoutDocstring(context.notebook)) {
      const name = fn.field("name");
      context.report({
        node: name ?? fn,
        message: `Function \`${name?.text() ?? "?"}\` has no docstring: add one that says what it does and why (arguments and return value for non-trivial functions)`,
      });
    }
  },
});
