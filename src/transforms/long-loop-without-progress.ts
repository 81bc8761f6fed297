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

export const longLoopWithoutProgress = defineRule({
  code: "NVR004",
  name: "long-loop-without-progress",
  section: "4.4",
  severity: "warning",
  fix: "safe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
