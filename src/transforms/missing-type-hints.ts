import { defineRule } from "../engine/types.js";
import { functionsWithoutTypeHints } from "./lib/notebook-functions.js";

const docs = `
## What it does
Finds notebook functions (\`@app.function\`s, functions defined in the setup cell or in a cell,
and methods of the classes defined there) with a parameter or the return type not annotated.
The first parameter \`self\`/\`cls\` of a method needs no annotation, and, as in mypy, \`__init__\`
needs no return annotation when one of its parameters is annotated. Cell functions
(\`@app.cell def _\`) and functions nested inside another function are not checked.

## Why is this bad?
The guide asks for type hints on every parameter and return value (section 2.4 "Type
Hints"). In GPU code they say what a function expects (a \`torch.Tensor\` on which device, a
batch size as \`int\`, a precision as \`str\`) and let type checkers and editors catch a NumPy
array passed where a tensor is needed before a long run fails.

## Example
\`\`\`python
def benchmark_gpu_operations(data_size, num_iterations, precision="fp32"):
    ...
\`\`\`

Use instead:
\`\`\`python
def benchmark_gpu_operations(
    data_size: int,
    num_iterations: int,
    precision: str = "fp32",
) -> dict[str, float]:
    ...
\`\`\`

## Fix
None: the right types depend on how the function is called.

## Fix safety
No fix is offered.
`;

export const missingTypeHints = defineRule({
  code: "NVO004",
  name: "missing-type-hints",
  section: "2.4",
  severity: "warning",
  fix: "none",
  summary: "Function without parameter or return type annotations",
  docs,
  check(context) {
    for (const { function: fn, parameters, returnType } of functionsWithoutTypeHints(context.notebook)) {
      const name = fn.field("name");
      const parts: string[] = [];
      if (parameters.length > 0) parts.push(`${parameters.length === 1 ? "parameter" : "parameters"} ${parameters.map((p) => `\`${p}\``).join(", ")}`);
      if (returnType) parts.push("the return type");
      context.report({
        node: name ?? fn,
        message: `Function \`${name?.text() ?? "?"}\` lacks type hints: annotate ${parts.join(" and ")}`,
      });
    }
  },
});
