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
Unsafe
`;

export const unseededRandomness = defineRule({
  code: "NVS001",
  name: "unseeded-randomness",
  section: "7.1",
  severity: "warning",
  fix: "unsafe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
