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

export const nondeterministicCudnn = defineRule({
  code: "NVS002",
  name: "nondeterministic-cudnn",
  section: "7.1",
  severity: "warning",
  fix: "none",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
