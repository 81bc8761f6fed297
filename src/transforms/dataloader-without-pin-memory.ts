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

export const dataloaderWithoutPinMemory = defineRule({
  code: "NVP003",
  name: "dataloader-without-pin-memory",
  section: "5.3",
  severity: "warning",
  fix: "safe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
