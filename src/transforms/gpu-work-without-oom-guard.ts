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

export const gpuWorkWithoutOomGuard = defineRule({
  code: "NVE001",
  name: "gpu-work-without-oom-guard",
  section: "6.1",
  severity: "warning",
  fix: "unsafe",
  summary: "TODO",
  docs,
  check() {
    // TODO
  },
});
