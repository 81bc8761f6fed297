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

export const invalidCalloutKind = defineRule({
  code: "NVE006",
  name: "invalid-callout-kind",
  section: "8.2",
  severity: "warning",
  fix: "safe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
