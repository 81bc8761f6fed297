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

export const nonDescriptiveName = defineRule({
  code: "NVO003",
  name: "non-descriptive-name",
  section: "2.2",
  severity: "warning",
  fix: "none",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
