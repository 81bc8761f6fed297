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
TODO
`;

export const staticPlot = defineRule({
  code: "NVU003",
  name: "static-plot",
  section: "8.3",
  severity: "warning",
  fix: "none",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
