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

export const missingModuleDocstring = defineRule({
  code: "NVD001",
  name: "missing-module-docstring",
  section: "1.1",
  severity: "warning",
  fix: "unsafe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
