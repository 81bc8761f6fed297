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

export const tooManyGlobals = defineRule({
  code: "NVO001",
  name: "too-many-globals",
  section: "2.1",
  severity: "warning",
  fix: "none",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
