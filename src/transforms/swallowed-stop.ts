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

export const swallowedStop = defineRule({
  code: "NVE002",
  name: "swallowed-stop",
  section: "6.1",
  severity: "warning",
  fix: "none",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
