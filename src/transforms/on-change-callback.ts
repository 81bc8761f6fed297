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

export const onChangeCallback = defineRule({
  code: "NVR001",
  name: "on-change-callback",
  section: "4.1",
  severity: "warning",
  fix: "unsafe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
