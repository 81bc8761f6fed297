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

export const warningWithoutCallout = defineRule({
  code: "NVU004",
  name: "warning-without-callout",
  section: "8.2",
  severity: "warning",
  fix: "safe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
