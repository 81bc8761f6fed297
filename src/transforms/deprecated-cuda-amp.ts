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

export const deprecatedCudaAmp = defineRule({
  code: "NVP001",
  name: "deprecated-cuda-amp",
  section: "5.2",
  severity: "warning",
  fix: "safe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
