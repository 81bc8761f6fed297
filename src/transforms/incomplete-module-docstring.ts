import { replaceRange } from "../engine/edits.js";
import { defineRule } from "../engine/types.js";
import { lazyFix } from "./lib/lazy-fix.js";
import {
  importedLibraries,
  isGpuNotebook,
  missingParts,
  PART_LABEL,
  partInsertions,
  placeholderParts,
  scanHeader,
  uiControls,
} from "./lib/module-docstring.js";

const docs = `
## What it does
Checks the module docstring against the guide's format (section 1.1) and reports the parts it
lacks: a **Features** list, a **Requirements** section, the GPU requirement (VRAM or compute
capability) and the CUDA version (both only for notebooks that import a GPU library or mention
CUDA), the **tested configurations**, the **author** and the **date**. A docstring that still
holds the skeleton's to-do placeholders is reported too.

Sections are recognised by their heading at the start of a line (\`Features:\`, \`## Features\`,
\`**Requirements**\`, \`Author: ...\`, \`Date: ...\`); tested hardware may also be given as a
"Works on: ..." line, as in the guide's example.

## Why is this bad?
A reader decides from the docstring whether the notebook runs on their machine. Without the
VRAM, compute capability and CUDA version they find out by running it into an out-of-memory
error or a missing kernel; without tested configurations, author and date they cannot tell
whether it is maintained (guide, sections 1.1 and 7.2).

## Example
\`\`\`python
"""Fashion-MNIST training on the GPU.

Trains a small CNN with mixed precision.
"""
\`\`\`

Use instead:
\`\`\`python
"""Fashion-MNIST training on the GPU.

Trains a small CNN with mixed precision.

Features:
- Mixed precision training with torch.autocast

Requirements:
- NVIDIA GPU with 4GB+ VRAM, compute capability 7.0+
- CUDA 12.1+ and NVIDIA driver 535+

Tested configurations:
- Ubuntu 22.04 + L4 (24GB) + CUDA 12.4

Author: Jane Doe
Date: 2025-11-28
"""
\`\`\`

## Fix
Adds the missing sections to a triple-quoted docstring, in the guide's order (each before the
first present section that the guide puts after it, else at the end), with placeholder lines
for the values only the author knows; a missing GPU or CUDA line goes at the end of an
existing Requirements section. Features list the notebook's \`mo.ui\` controls and Requirements
the libraries it imports. Placeholders are reported (without a fix) until they are replaced.

## Fix safety
Unsafe: the inserted lines are placeholders that the author must complete.
`;

export const incompleteModuleDocstring = defineRule({
  code: "NVD002",
  name: "incomplete-module-docstring",
  section: "1.1",
  severity: "warning",
  fix: "unsafe",
  summary: "Module docstring lacks features, GPU requirements, CUDA version, tested configurations, author or date",
  docs,
  check(context) {
    const { notebook } = context;
    const header = scanHeader(notebook);
    if (header.kind !== "docstring") return;
    const docstring = header.docstring;
    const gpu = isGpuNotebook(notebook);
    const missing = missingParts(docstring.content, gpu);
    if (missing.length > 0) {
      const labels = missing.map((p) => PART_LABEL[p]);
      const message = `Module docstring lacks ${listOf(labels)}; add ${missing.length === 1 ? "it" : "them"} in the guide's format (section 1.1)`;
      if (!docstring.tripleQuoted) {
        context.report({ node: docstring.node, message: `${message} (not fixed: the docstring is not triple-quoted)` });
        return;
      }
      context.report({
        node: docstring.node,
        message,
        fix: lazyFix(`Add ${listOf(labels)} to the module docstring`, () =>
          partInsertions(docstring, missing, { controls: uiControls(notebook), libraries: importedLibraries(notebook), gpu }).map((i) =>
            replaceRange(i.at, i.at, i.text),
          ),
        ),
      });
      return;
    }
    const placeholders = placeholderParts(docstring.content);
    if (placeholders.length > 0) {
      context.report({
        node: docstring.node,
        message: `Module docstring still has placeholders in ${listOf(placeholders)}: replace each TODO with the real value`,
      });
    }
  },
});

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
