import { defineRule } from "../engine/types.js";

const docs = `
## What it does
TODO

## Why is this bad?
TODO

## Example
\`\`\`python
\`\`\`

## Fix
TODO

## Fix safety
Unsafe
`;

export const expensiveCellWithoutStop = defineRule({
  code: "NVR003",
  name: "expensive-cell-without-stop",
  section: "4.3",
  severity: "warning",
  fix: "unsafe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
